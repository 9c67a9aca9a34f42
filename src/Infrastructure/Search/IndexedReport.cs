namespace Lessons.Infrastructure.Search;

/// <summary>A published report as the index holds it. An anonymous report has no organisation here at all, so
/// neither its name nor an organisation filter can find it.</summary>
public sealed record IndexedReport(
    Guid Id, string Title, string Summary, string Body, string? OrganisationName, Guid? OrganisationId, string? OrganisationType,
    string Outcome, string Stage, IReadOnlyList<string> Principles, IReadOnlyList<string> Challenges, int Year,
    long PublishedTicks, bool MembersOnly);
