using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Domain.Subscriptions;
using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions;

/// <summary>
/// What someone wants to follow, in the contract's shape (<c>follows</c> of <c>POST /api/v1/subscriptions</c>) and
/// the subscribe form's. <see cref="Queries"/> are saved searches written as the search page's query string
/// (<c>q=upphandling&amp;outcome=misslyckades</c>); a value without <c>=</c> is read as search words alone.
/// </summary>
public sealed record FollowChoice
{
    public IReadOnlyList<string> Principles { get; init; } = [];
    public IReadOnlyList<string> Challenges { get; init; } = [];
    /// <summary>Organisation ids.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public IReadOnlyList<string> OrganisationTypes { get; init; } = [];
    public IReadOnlyList<string> Queries { get; init; } = [];

    public bool IsEmpty => Principles.Count + Challenges.Count + Organisations.Count + OrganisationTypes.Count + Queries.Count == 0;

    public IEnumerable<SavedSearch> Searches() => Queries.Select(SavedSearches.Parse).Where(s => !s.IsEmpty);

    /// <summary>The follows this choice means, for <paramref name="subscriberId"/>; organisations must exist.</summary>
    internal async Task<IReadOnlyList<Follow>> ToFollowsAsync(ILessonsDbContext db, Guid subscriberId, DateTimeOffset now, CancellationToken ct)
    {
        var organisationIds = Organisations.Select(o => Guid.TryParse(o, out var id) ? id : Guid.Empty).Distinct().ToList();
        var known = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (known.Count != organisationIds.Count)
            throw new ValidationFailedException("follows.organisations", "Okänd organisation. Ange organisationens id ur registret.");
        return
        [
            .. Principles.Distinct().Select(k => Follow.Of(subscriberId, FollowKind.Principle, k, now)),
            .. Challenges.Distinct().Select(k => Follow.Of(subscriberId, FollowKind.Challenge, k, now)),
            .. OrganisationTypes.Distinct().Select(k => Follow.Of(subscriberId, FollowKind.OrganisationType, k, now)),
            .. known.Select(id => Follow.Of(subscriberId, FollowKind.Organisation, id.ToString(), now)),
            .. Searches().Select(s => Follow.OfSearch(subscriberId, s, now)).DistinctBy(f => f.Key),
        ];
    }
}

public sealed class FollowChoiceValidator : AbstractValidator<FollowChoice>
{
    public FollowChoiceValidator()
    {
        Keys(c => c.Principles, Vocabulary.Principles.Keys, "principles");
        Keys(c => c.Challenges, Vocabulary.Challenges.Keys, "challenges");
        Keys(c => c.OrganisationTypes, Vocabulary.OrganisationTypes.Keys, "organisationTypes");
        RuleFor(c => c.Organisations).Must(o => o.All(v => Guid.TryParse(v, out _)))
            .WithMessage("Okänd organisation. Ange organisationens id ur registret.").OverridePropertyName("organisations");
        RuleFor(c => c.Queries).Must(q => q.All(v => v.Length <= 500 && !SavedSearches.Parse(v).IsEmpty))
            .WithMessage("En bevakad sökning behöver sökord eller filter (högst 500 tecken).").OverridePropertyName("queries");
    }

    private void Keys(System.Linq.Expressions.Expression<Func<FollowChoice, IReadOnlyList<string>>> list, IEnumerable<string> valid, string field)
    {
        var keys = valid.ToHashSet(StringComparer.Ordinal);
        RuleFor(list).Must(values => values.All(keys.Contains))
            .WithMessage($"Okänt värde för {field}. Giltiga värden: {string.Join(", ", keys)}.").OverridePropertyName(field);
    }
}

/// <summary>Saved searches to and from the search page's query string, the one address of a search.</summary>
public static class SavedSearches
{
    public static SavedSearch Parse(string written)
    {
        written = written.Trim().TrimStart('?');
        if (!written.Contains('=', StringComparison.Ordinal)) return new SavedSearch { Text = written }.Normalised();
        var pairs = written.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Unescape(p[0]), Value: p.Length > 1 ? Unescape(p[1]) : ""))
            .ToList();
        string[] All(string name) =>
            [.. pairs.Where(p => p.Name == name).SelectMany(p => p.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        int? Year(string name) => int.TryParse(pairs.LastOrDefault(p => p.Name == name).Value, out var y) ? y : null;
        return new SavedSearch
        {
            Text = string.Join(' ', pairs.Where(p => p.Name == "q").Select(p => p.Value)),
            Outcomes = All("outcome"),
            Principles = All("principle"),
            Challenges = All("challenge"),
            Stages = All("stage"),
            OrganisationTypes = All("organisationType"),
            Organisations = All("organisation"),
            YearFrom = Year("yearFrom"),
            YearTo = Year("yearTo"),
        }.Normalised();
    }

    /// <summary>The search page's filters as a saved search (without sort and page, which do not change what matches).</summary>
    public static SavedSearch From(Reports.Queries.SearchReportsQuery query) => new SavedSearch
    {
        Text = query.Text ?? "",
        Outcomes = query.Outcomes,
        Principles = query.Principles,
        Challenges = query.Challenges,
        Stages = query.Stages,
        OrganisationTypes = query.OrganisationTypes,
        Organisations = query.Organisations,
        YearFrom = query.YearFrom,
        YearTo = query.YearTo,
    }.Normalised();

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
