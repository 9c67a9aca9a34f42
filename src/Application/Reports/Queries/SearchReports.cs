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

    /// <summary>How deep a search pages: every share of the index collects page × pageSize hits, so the depth is
    /// bounded (a narrower search reaches the rest).</summary>
    public const int MaxHits = 1000;

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

    /// <summary>Search as a visitor who is not signed in, whoever asks: feeds are read by programs and shared.</summary>
    public bool AsAnonymousReader { get; init; }
}

/// <summary>A hit with its snippets; <see cref="Title"/> has the searched words marked when the index has the current title.</summary>
public sealed record SearchHit(ReportSummary Report, IReadOnlyList<MarkedText> Highlights, MarkedText Title);

public sealed record SearchPage(
    int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    IReadOnlyDictionary<Guid, string> OrganisationNames,
    string? Suggestion = null,
    SearchIndexProgress? Rebuilding = null);

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
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("Sidan ska vara ett tal från 1.").OverridePropertyName("page");
        RuleFor(q => q.Page).Must((q, page) => (long)page * q.PageSize <= SearchReportsQuery.MaxHits)
            .When(q => q.Page >= 1 && q.PageSize is >= 1 and <= SearchReportsQuery.MaxPageSize)
            .WithMessage(q => $"Sökningen visar högst {SearchReportsQuery.MaxHits} träffar: med {q.PageSize} per sida är sida "
                + $"{SearchReportsQuery.MaxHits / q.PageSize} den sista. Förfina sökningen för att se fler.")
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

internal sealed class SearchReportsHandler(ILessonsDbContext db, CurrentViewer current, OrganisationResolver resolver, IReportSearch search)
    : IRequestHandler<SearchReportsQuery, SearchPage>
{
    public async ValueTask<SearchPage> Handle(SearchReportsQuery query, CancellationToken ct)
    {
        var viewer = query.AsAnonymousReader ? Viewer.Anonymous : await current.GetAsync(ct);
        var organisations = new List<Guid>();
        foreach (var o in query.Organisations)
        {
            if (Guid.TryParse(o, out var id)) organisations.Add(id);
            else organisations.Add(await resolver.FindAsync(o, ct) ?? Guid.Empty);     // an unknown name matches nothing
        }

        var synonyms = await db.SynonymGroups.AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
        var found = await search.SearchAsync(new ReportSearchQuery
        {
            Synonyms = synonyms,
            Text = query.Text,
            Outcomes = query.Outcomes,
            Principles = query.Principles,
            Challenges = query.Challenges,
            Stages = query.Stages,
            OrganisationTypes = query.OrganisationTypes,
            Organisations = organisations,
            YearFrom = query.YearFrom,
            YearTo = query.YearTo,
            NewestFirst = query.Sort == "newest",
            Skip = (query.Page - 1) * query.PageSize,
            Take = query.PageSize,
            MembersOnlyVisible = viewer.IsPublicSectorMember || viewer.IsModerator,
        }, ct);

        // The index finds and ranks; the database says what the viewer sees of each hit (anonymity, current text).
        var ids = found.Hits.Select(h => h.Id).ToList();
        var rows = await db.Reports.AsNoTracking().Where(ReportAccess.PublishedVisibleTo(viewer)).Where(r => ids.Contains(r.Id))
            .Rows(db.Organisations).ToDictionaryAsync(r => r.Id, ct);
        var items = found.Hits.Where(h => rows.ContainsKey(h.Id))
            .Select(h =>
            {
                var report = rows[h.Id].ToSummary(viewer);
                var title = h.Title is { } marked && marked.Text == report.Title ? marked : new MarkedText(report.Title, []);
                return new SearchHit(report, h.Highlights, title);
            }).ToList();

        var organisationIds = found.Facets["organisation"].Keys.Select(Guid.Parse).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new SearchPage(found.Total, query.Page, query.PageSize, items, found.Facets, names, found.Suggestion, found.Rebuilding);
    }
}
