namespace Lessons.Application.Common.Errors;

public sealed class ForbiddenException : Exception
{
    public ForbiddenException() : base("Du har inte behörighet att göra det här.") { }

    public ForbiddenException(string message) : base(message) { }

    public ForbiddenException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The request needs a signed-in user and there is none: the web answers with the sign-in page.</summary>
public sealed class SignInRequiredException : Exception
{
    public SignInRequiredException() : base("Du behöver logga in för att göra det här.") { }

    public SignInRequiredException(string message) : base(message) { }

    public SignInRequiredException(string message, Exception inner) : base(message, inner) { }
}
