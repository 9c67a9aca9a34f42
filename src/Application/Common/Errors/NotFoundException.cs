namespace Lessons.Application.Common.Errors;

/// <summary>The thing does not exist, or the caller may not know that it does (a draft of another organisation).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string what, object key) : base($"{what} {key} finns inte.") { }

    public NotFoundException() { }

    public NotFoundException(string message) : base(message) { }

    public NotFoundException(string message, Exception inner) : base(message, inner) { }
}
