using System.Globalization;

using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Organisations;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Queries;

/// <summary>
/// Search and filter published reports. Filters combine with AND across facets and OR within one. The text match
/// here is a plain word match over the database; the Swedish search engine (Lucene.Net) replaces it behind the
/// same request.
/// </summary>
public sealed record SearchReportsQuery : IRequest<SearchPage>
{
    public const int MaxPageSize = 100;

    public string? Text { get; init; }
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public IReadOnlyList<string> Principles { get; init; } = [];
    public IReadOnlyList<string> Challenges { get; init; } = [];
    public IReadOnlyList<string> Stages { get; init; } = [];
    public IReadOnlyList<string> OrganisationTypes { get; init; } = [];
    /// <summary>Organisation ids, or names in any of their usual forms.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string Sort { get; init; } = "relevance";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record SearchHit(ReportSummary Report, IReadOnlyList<string> Highlights);

public sealed record SearchPage(
    int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    IReadOnlyDictionary<Guid, string> OrganisationNames);

public sealed class SearchReportsValidator : AbstractValidator<SearchReportsQuery>
{
    public SearchReportsValidator()
    {
        Keys(q => q.Outcomes, Vocabulary.Outcomes.Keys, "outcome");
        Keys(q => q.Principles, Vocabulary.Principles.Keys, "principle");
        Keys(q => q.Challenges, Vocabulary.Challenges.Keys, "challenge");
        Keys(q => q.Stages, Vocabulary.Stages.Keys, "stage");
        Keys(q => q.OrganisationTypes, Vocabulary.OrganisationTypes.Keys, "organisationType");
        RuleFor(q => q.Organisations).Must(o => o.Count <= 50).WithMessage("Högst 50 organisationer i ett filter.")
            .OverridePropertyName("organisation");
        RuleFor(q => q.YearFrom).InclusiveBetween(1900, 2200).When(q => q.YearFrom is not null)
            .WithMessage("Ange ett år mellan 1900 och 2200.").OverridePropertyName("yearFrom");
        RuleFor(q => q.YearTo).InclusiveBetween(1900, 2200).When(q => q.YearTo is not null)
            .WithMessage("Ange ett år mellan 1900 och 2200.").OverridePropertyName("yearTo");
        RuleFor(q => q.YearTo).GreaterThanOrEqualTo(q => q.YearFrom).When(q => q.YearFrom is not null && q.YearTo is not null)
            .WithMessage("Till-året kan inte ligga före från-året.").OverridePropertyName("yearTo");
        RuleFor(q => q.Sort).Must(s => s is "relevance" or "newest")
            .WithMessage("Sortera på relevance eller newest.").OverridePropertyName("sort");
        RuleFor(q => q.Page).InclusiveBetween(1, 10_000).WithMessage("Sidan ska vara ett tal från 1 till 10 000.")
            .OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchReportsQuery.MaxPageSize)
            .WithMessage($"Sidstorleken ska vara 1–{SearchReportsQuery.MaxPageSize}.").OverridePropertyName("pageSize");
    }

    private void Keys(System.Linq.Expressions.Expression<Func<SearchReportsQuery, IReadOnlyList<string>>> list,
        IEnumerable<string> valid, string field)
    {
        var keys = valid.ToHashSet(StringComparer.Ordinal);
        RuleFor(list).Must(values => values.All(keys.Contains))
            .WithMessage(q => $"Okänt värde för {field}. Giltiga värden: {string.Join(", ", keys)}.")
            .OverridePropertyName(field);
    }
}

internal sealed class SearchReportsHandler(ILessonsDbContext db, CurrentViewer current, OrganisationResolver resolver)
    : IRequestHandler<SearchReportsQuery, SearchPage>
{
    private const int MaxQueryLength = 1000;

    public async ValueTask<SearchPage> Handle(SearchReportsQuery query, CancellationToken ct)
    {
        var viewer = await current.GetAsync(ct);
        var reports = db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer));
        if (query.YearFrom is { } from) reports = reports.Where(r => r.Content.YearStarted >= from);
        if (query.YearTo is { } to) reports = reports.Where(r => r.Content.YearStarted <= to);
        var rows = await reports.Rows(db.Organisations).ToListAsync(ct);

        var organisations = new HashSet<Guid>();
        foreach (var o in query.Organisations)
        {
            if (Guid.TryParse(o, out var id)) organisations.Add(id);
            else if (await resolver.FindAsync(o, ct) is { } found) organisations.Add(found);
            else organisations.Add(Guid.Empty);     // an unknown name matches nothing rather than everything
        }

        var terms = Terms(query.Text);
        var candidates = rows
            .Select(r => new Candidate(r, r.ToSummary(viewer), Score(r, terms)))
            .Where(c => terms.Count == 0 || c.Score > 0)
            .ToList();

        // One predicate per facet: AND across facets, OR within one. Filters on the organisation never match
        // anonymous reports, since they would reveal who wrote them.
        var filters = new Dictionary<string, Func<Candidate, bool>>
        {
            ["outcome"] = c => query.Outcomes.Count == 0 || query.Outcomes.Contains(Vocabulary.Outcomes.Key(c.Row.Content.Outcome)),
            ["stage"] = c => query.Stages.Count == 0 || query.Stages.Contains(Vocabulary.Stages.Key(c.Row.Content.Stage)),
            ["principle"] = c => query.Principles.Count == 0 || c.Row.Content.Principles.Any(query.Principles.Contains),
            ["challenge"] = c => query.Challenges.Count == 0 || c.Row.Content.Challenges.Any(query.Challenges.Contains),
            ["organisationType"] = c => query.OrganisationTypes.Count == 0 || (c.Summary.Organisation is { } o
                && query.OrganisationTypes.Contains(Vocabulary.OrganisationTypes.Key(o.Type))),
            ["organisation"] = c => organisations.Count == 0 || (c.Summary.Organisation is { } o && organisations.Contains(o.Id)),
            ["year"] = _ => true,      // the year range is applied in the database query above
        };
        var hits = candidates.Where(c => filters.Values.All(f => f(c))).ToList();

        var ordered = query.Sort == "newest" || terms.Count == 0
            ? hits.OrderByDescending(h => h.Row.PublishedAt).ThenBy(h => h.Row.Id)
            : hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Row.PublishedAt).ThenBy(h => h.Row.Id);
        var page = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(h => new SearchHit(h.Summary, Highlights(h.Row, terms))).ToList();

        // Each facet is counted with every other filter applied but its own, so the counts say what choosing one
        // more value of that facet would add.
        IReadOnlyDictionary<string, int> Facet(string name, Func<ReportSummary, IEnumerable<string>> keys) =>
            Count(candidates.Where(c => filters.Where(f => f.Key != name).All(f => f.Value(c))).SelectMany(c => keys(c.Summary)));
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["outcome"] = Facet("outcome", s => [Vocabulary.Outcomes.Key(s.Outcome)]),
            ["principle"] = Facet("principle", s => s.Principles),
            ["challenge"] = Facet("challenge", s => s.Challenges),
            ["stage"] = Facet("stage", s => [Vocabulary.Stages.Key(s.Stage)]),
            ["organisationType"] = Facet("organisationType", s => s.Organisation is { } o ? [Vocabulary.OrganisationTypes.Key(o.Type)] : []),
            ["organisation"] = Facet("organisation", s => s.Organisation is { } o ? [o.Id.ToString()] : []),
            ["year"] = Facet("year", s => [s.Year.ToString(CultureInfo.InvariantCulture)]),
        };
        var summaries = hits.Select(h => h.Summary).ToList();
        var names = summaries.Where(s => s.Organisation is not null).Select(s => s.Organisation!)
            .DistinctBy(o => o.Id).ToDictionary(o => o.Id, o => o.Name);
        return new SearchPage(hits.Count, query.Page, query.PageSize, page, facets, names);
    }

    private sealed record Candidate(ReportRow Row, ReportSummary Summary, double Score);

    private static List<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var cut = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= cut.Length; i++)
        {
            var letter = i < cut.Length && char.IsLetterOrDigit(cut[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0) { words.Add(cut[start..i].ToLowerInvariant()); start = -1; }
        }
        return [.. words.Where(t => t.Length > 1).Distinct().Take(32)];
    }

    private static double Score(ReportRow row, List<string> terms)
    {
        if (terms.Count == 0) return 0;
        var c = row.Content;
        var title = c.Title.ToLowerInvariant();
        var summary = c.Summary.ToLowerInvariant();
        var body = string.Join(' ', c.Background, c.WhatWeDid, c.Result, c.Lessons, c.Recommendations, row.OrganisationName)
            .ToLowerInvariant();
        var matched = 0;
        var score = 0.0;
        foreach (var term in terms)
        {
            var s = (title.Contains(term, StringComparison.Ordinal) ? 3 : 0)
                + (summary.Contains(term, StringComparison.Ordinal) ? 2 : 0)
                + (body.Contains(term, StringComparison.Ordinal) ? 1 : 0);
            if (s > 0) matched++;
            score += s;
        }
        return matched == terms.Count ? score : 0;  // every word must match somewhere
    }

    private static List<string> Highlights(ReportRow row, List<string> terms)
    {
        if (terms.Count == 0) return [];
        var text = row.Content.Summary + " " + row.Content.Lessons;
        var at = terms.Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0) return [];
        var start = Math.Max(0, at - 60);
        var length = Math.Min(text.Length - start, 200);
        return [(start > 0 ? "…" : "") + text.Substring(start, length).Trim() + (start + length < text.Length ? "…" : "")];
    }

    private static Dictionary<string, int> Count(IEnumerable<string> keys) =>
        keys.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
}
