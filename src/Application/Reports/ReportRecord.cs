using System.Text.Json.Serialization;

namespace Lessons.Application.Reports;

/// <summary>
/// One report in the exchange format of <c>import</c> and <c>export</c>: exactly the fields of
/// <c>data/relevance/reports.json</c>, plus optional fields for the rest of the structure so that an export
/// round-trips every field. Property names are the JSON names.
/// </summary>
public sealed record ReportRecord
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("organisation")] public string? Organisation { get; init; }
    [JsonPropertyName("organisationType")] public string? OrganisationType { get; init; }
    [JsonPropertyName("year")] public int? Year { get; init; }
    [JsonPropertyName("outcome")] public string? Outcome { get; init; }
    [JsonPropertyName("stage")] public string? Stage { get; init; }
    [JsonPropertyName("principles")] public IReadOnlyList<string>? Principles { get; init; }
    [JsonPropertyName("challenges")] public IReadOnlyList<string>? Challenges { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("background")] public string? Background { get; init; }
    [JsonPropertyName("whatWeDid")] public string? WhatWeDid { get; init; }
    [JsonPropertyName("result")] public string? Result { get; init; }
    [JsonPropertyName("lessons")] public string? Lessons { get; init; }
    [JsonPropertyName("recommendations")] public string? Recommendations { get; init; }

    [JsonPropertyName("yearEnded"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? YearEnded { get; init; }
    [JsonPropertyName("innovationTypes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? InnovationTypes { get; init; }
    [JsonPropertyName("drivers"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Drivers { get; init; }
    [JsonPropertyName("effects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EffectInput>? Effects { get; init; }
    [JsonPropertyName("costSek"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? CostSek { get; init; }
    [JsonPropertyName("effortHours"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EffortHours { get; init; }
    [JsonPropertyName("costNote"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CostNote { get; init; }
    [JsonPropertyName("collaborators"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Collaborators { get; init; }
    [JsonPropertyName("support"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SupportInput>? Support { get; init; }
    [JsonPropertyName("links"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LinkInput>? Links { get; init; }
    [JsonPropertyName("coOrganisations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? CoOrganisations { get; init; }
    [JsonPropertyName("contactName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContactName { get; init; }
    [JsonPropertyName("contactEmail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContactEmail { get; init; }
    [JsonPropertyName("membersOnly"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MembersOnly { get; init; }
    [JsonPropertyName("anonymous"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Anonymous { get; init; }

    public ReportInput ToInput() => new()
    {
        Title = Title,
        Summary = Summary,
        YearStarted = Year,
        YearEnded = YearEnded,
        Outcome = Outcome,
        Stage = Stage,
        Principles = Principles ?? [],
        Challenges = Challenges ?? [],
        InnovationTypes = InnovationTypes ?? [],
        Drivers = Drivers ?? [],
        Effects = Effects ?? [],
        CostSek = CostSek,
        EffortHours = EffortHours,
        CostNote = CostNote,
        Collaborators = Collaborators ?? [],
        Support = Support ?? [],
        Links = Links ?? [],
        CoOrganisations = CoOrganisations ?? [],
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        Background = Background,
        WhatWeDid = WhatWeDid,
        Result = Result,
        Lessons = Lessons,
        Recommendations = Recommendations,
        MembersOnly = MembersOnly,
        Anonymous = Anonymous,
    };
}
