using System.Text;

namespace Lessons.Domain.Subscriptions;

/// <summary>
/// A search someone follows: the same text and filters as <c>/sok</c> and the feed, so that a saved search's
/// address is the search page's own query string (<see cref="ToQueryString"/>).
/// </summary>
public sealed record SavedSearch
{
    public string Text { get; init; } = "";
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Principles { get; init; } = [];
    public IReadOnlyList<string> Challenges { get; init; } = [];
    public IReadOnlyList<string> Stages { get; init; } = [];
    public IReadOnlyList<string> OrganisationTypes { get; init; } = [];
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }

    public bool IsEmpty => ToQueryString().Length == 0;

    /// <summary>
    /// The canonical form (trimmed, sorted, without duplicates): two ways of writing the same search are one follow,
    /// and the run evaluates each distinct search once.
    /// </summary>
    public SavedSearch Normalised() => this with
    {
        Text = string.Join(' ', Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        Outcomes = Sorted(Outcomes),
        Principles = Sorted(Principles),
        Challenges = Sorted(Challenges),
        Stages = Sorted(Stages),
        OrganisationTypes = Sorted(OrganisationTypes),
        Organisations = Sorted(Organisations),
    };

    public string ToQueryString()
    {
        var n = Normalised();
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add($"{name}={Uri.EscapeDataString(value)}");
        if (n.Text.Length > 0) Add("q", n.Text);
        foreach (var v in n.Outcomes) Add("outcome", v);
        foreach (var v in n.Principles) Add("principle", v);
        foreach (var v in n.Challenges) Add("challenge", v);
        foreach (var v in n.Stages) Add("stage", v);
        foreach (var v in n.OrganisationTypes) Add("organisationType", v);
        foreach (var v in n.Organisations) Add("organisation", v);
        if (n.YearFrom is { } from) Add("yearFrom", from.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (n.YearTo is { } to) Add("yearTo", to.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new StringBuilder().AppendJoin('&', parts).ToString();
    }

    private static string[] Sorted(IReadOnlyList<string> values) =>
        [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
