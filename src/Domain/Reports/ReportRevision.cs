namespace Lessons.Domain.Reports;

/// <summary>A published state of a report, kept so that readers can see what changed and when.</summary>
public sealed class ReportRevision
{
    private ReportRevision() { }

    internal ReportRevision(Guid reportId, int number, ReportContent content, Guid? editedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        Number = number;
        Content = content;
        EditedBy = editedBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Number { get; private set; }

    public ReportContent Content { get; private set; } = null!;

    public Guid? EditedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
