namespace Lessons.Application.Common.Errors;

/// <summary>Input broke one or more rules. Errors are keyed by field (as the form or API names it) with Swedish messages.</summary>
public sealed class ValidationFailedException : Exception
{
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
        : base("Uppgifterna är inte giltiga: " + string.Join(" ", errors.SelectMany(e => e.Value)))
        => Errors = errors;

    public ValidationFailedException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public ValidationFailedException() : this(new Dictionary<string, string[]>()) { }

    public ValidationFailedException(string message, Exception inner) : base(message, inner) => Errors = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
