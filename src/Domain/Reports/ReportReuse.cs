namespace Lessons.Domain.Reports;

/// <summary>"Vi har återanvänt detta": how the platform measures spread, one per member and report.</summary>
public sealed class ReportReuse
{
    private ReportReuse() { }

    internal ReportReuse(Guid reportId, Guid memberId, Guid? organisationId, string note, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        MemberId = memberId;
        OrganisationId = organisationId;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public Guid MemberId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    public string Note { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
