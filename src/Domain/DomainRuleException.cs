namespace Lessons.Domain;

/// <summary>A rule of the domain was broken, for example an illegal status transition. The message is Swedish and
/// meant for the person who tried.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message, string? field = null) : base(message) => Field = field;

    public DomainRuleException() { }

    public DomainRuleException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The input field the rule concerns, when there is one, so forms can show the message beside it.</summary>
    public string? Field { get; }
}
