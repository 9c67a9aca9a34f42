using Lessons.Domain.Taxonomy;

namespace Lessons.Domain.Reports;

/// <summary>
/// Everything an author writes in a report: one value, replaced whole on each edit, and copied into a revision
/// whenever a published report changes. Validation of lengths and keys happens before it is built (Application);
/// the rules here are the ones no caller may break.
/// </summary>
public sealed record ReportContent
{
    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required int YearStarted { get; init; }

    public int? YearEnded { get; init; }

    public required Outcome Outcome { get; init; }

    public required Stage Stage { get; init; }

    public IReadOnlyList<string> Principles { get; init; } = [];

    public IReadOnlyList<string> Challenges { get; init; } = [];

    public IReadOnlyList<string> InnovationTypes { get; init; } = [];

    public IReadOnlyList<string> Drivers { get; init; } = [];

    public IReadOnlyList<Effect> Effects { get; init; } = [];

    public decimal? CostSek { get; init; }

    public int? EffortHours { get; init; }

    public string? CostNote { get; init; }

    public IReadOnlyList<string> Collaborators { get; init; } = [];

    public IReadOnlyList<SupportUsed> Support { get; init; } = [];

    public IReadOnlyList<ReportLink> Links { get; init; } = [];

    public IReadOnlyList<Guid> CoOrganisationIds { get; init; } = [];

    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    public string Background { get; init; } = "";

    public string WhatWeDid { get; init; } = "";

    public string Result { get; init; } = "";

    public required string Lessons { get; init; }

    public string Recommendations { get; init; } = "";

    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(Title))
            throw new DomainRuleException("En rapport måste ha en rubrik.", nameof(Title));
        if (string.IsNullOrWhiteSpace(Lessons))
            throw new DomainRuleException("Lärdomar är obligatoriska: de är det andra kommer hit för.", nameof(Lessons));
        if (YearEnded is { } end && end < YearStarted)
            throw new DomainRuleException("Slutåret kan inte ligga före startåret.", nameof(YearEnded));
    }

    public bool SameAs(ReportContent other) =>
        Title == other.Title && Summary == other.Summary && YearStarted == other.YearStarted && YearEnded == other.YearEnded
        && Outcome == other.Outcome && Stage == other.Stage && Principles.SequenceEqual(other.Principles)
        && Challenges.SequenceEqual(other.Challenges) && InnovationTypes.SequenceEqual(other.InnovationTypes)
        && Drivers.SequenceEqual(other.Drivers) && Effects.SequenceEqual(other.Effects) && CostSek == other.CostSek
        && EffortHours == other.EffortHours && CostNote == other.CostNote && Collaborators.SequenceEqual(other.Collaborators)
        && Support.SequenceEqual(other.Support) && Links.SequenceEqual(other.Links)
        && CoOrganisationIds.SequenceEqual(other.CoOrganisationIds) && ContactName == other.ContactName
        && ContactEmail == other.ContactEmail && Background == other.Background && WhatWeDid == other.WhatWeDid
        && Result == other.Result && Lessons == other.Lessons && Recommendations == other.Recommendations;
}
