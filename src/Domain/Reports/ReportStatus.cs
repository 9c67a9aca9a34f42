namespace Lessons.Domain.Reports;

public enum ReportStatus
{
    Draft,
    InReview,
    Published,
    Withdrawn,
}
