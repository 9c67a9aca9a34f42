namespace Lessons.Application.Common.Ports;

/// <summary>What a search asks for, with the viewer already turned into data (the index never reads the user).</summary>
public sealed record ReportSearchQuery
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Principles { get; init; } = [];
    public IReadOnlyList<string> Challenges { get; init; } = [];
    public IReadOnlyList<string> Stages { get; init; } = [];
    public IReadOnlyList<string> OrganisationTypes { get; init; } = [];
    public IReadOnlyList<Guid> Organisations { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public bool NewestFirst { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 20;
    public bool MembersOnlyVisible { get; init; }

    /// <summary>Groups of words and phrases that mean the same: a query matching one also looks for the others.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Synonyms { get; init; } = [];
}

/// <summary>A piece of a report's text with the searched words marked: each mark is a range of <see cref="Text"/>.</summary>
public sealed record MarkedText(string Text, IReadOnlyList<TextMark> Marks);

public readonly record struct TextMark(int Start, int Length);

/// <summary>A hit: its id, up to two sentences containing the searched words, and its title with them marked.</summary>
public sealed record ReportHit(Guid Id, IReadOnlyList<MarkedText> Highlights, MarkedText? Title = null);

/// <summary>Facets are keyed by the contract's names (outcome, principle, challenge, stage, organisationType, organisation, year).</summary>
/// <summary><see cref="Suggestion"/> is the query with misspelt words corrected ("Menade du …?"), when any were;
/// <see cref="Rebuilding"/> says how far a rebuild of the index has come while one runs (hits may be missing).</summary>
public sealed record ReportSearchPage(
    int Total, IReadOnlyList<ReportHit> Hits, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, string? Suggestion = null,
    SearchIndexProgress? Rebuilding = null);

public sealed record SearchIndexProgress(int Done, int Total);

/// <summary>The search engine behind the product's search, shaped by what the product asks rather than by SQL.</summary>
public interface IReportSearch
{
    Task<ReportSearchPage> SearchAsync(ReportSearchQuery query, CancellationToken ct);

    /// <summary>Reports about the same thing as <paramref name="reportId"/>, other organisations' first.</summary>
    Task<IReadOnlyList<ReportHit>> SimilarAsync(Guid reportId, int count, bool membersOnlyVisible, CancellationToken ct);

    /// <summary>Published reports most like a text not yet saved (the precedent check while writing).</summary>
    Task<IReadOnlyList<ReportHit>> PrecedentsAsync(string text, int count, bool membersOnlyVisible, CancellationToken ct);
}
