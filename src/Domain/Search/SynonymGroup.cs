namespace Lessons.Domain.Search;

/// <summary>
/// Words or phrases that mean the same in the public sector's language ("chattbot", "chatbot"; "vård på distans",
/// "distansvård"). A search for one also finds the others. Moderators keep the list.
/// </summary>
public sealed class SynonymGroup
{
    private readonly List<string> terms = [];

    private SynonymGroup() { }

    public SynonymGroup(Guid id, IEnumerable<string> terms, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Replace(terms);
    }

    public Guid Id { get; private set; }

    public IReadOnlyList<string> Terms => terms;

    public DateTimeOffset CreatedAt { get; private set; }

    public void Replace(IEnumerable<string> newTerms)
    {
        var cleaned = newTerms.Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())
            .Where(t => t.Length > 0).Distinct().ToList();
        if (cleaned.Count < 2) throw new DomainRuleException("En synonymgrupp behöver minst två ord eller fraser.", "Terms");
        terms.Clear();
        terms.AddRange(cleaned);
    }
}
