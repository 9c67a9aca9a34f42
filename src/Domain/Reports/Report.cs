namespace Lessons.Domain.Reports;

/// <summary>
/// An experience report and its life: draft → in review → published → (revisions) → withdrawn. The entity refuses
/// what is illegal; who may do what is decided in Application (ReportAccess).
/// </summary>
public sealed class Report
{
    private readonly List<ReportRevision> revisions = [];
    private readonly List<ReportReuse> reuses = [];

    private Report() { }

    private Report(Guid id, Guid organisationId, Guid? authorId, ReportContent content, Visibility visibility,
        bool isAnonymous, DateTimeOffset now)
    {
        content.EnsureValid();
        Id = id;
        OrganisationId = organisationId;
        AuthorId = authorId;
        Content = content;
        Visibility = visibility;
        IsAnonymous = isAnonymous;
        Status = ReportStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The id a source system gave the report; importing the same id again updates this report.</summary>
    public string? ExternalId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? AuthorId { get; private set; }

    public ReportStatus Status { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>Readers never see the organisation; its editors and the moderators still know it.</summary>
    public bool IsAnonymous { get; private set; }

    public ReportContent Content { get; private set; } = null!;

    /// <summary>The report a precedent check linked this one to ("we build on this").</summary>
    public Guid? BuildsOnReportId { get; private set; }

    public int CurrentRevision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    public IReadOnlyList<ReportRevision> Revisions => revisions;

    public IReadOnlyList<ReportReuse> Reuses => reuses;

    public static Report Draft(Guid organisationId, Guid authorId, ReportContent content, Visibility visibility,
        bool isAnonymous, DateTimeOffset now) =>
        new(Guid.NewGuid(), organisationId, authorId, content, visibility, isAnonymous, now);

    /// <summary>A report brought in from another system is published as it comes: its source already reviewed it.</summary>
    public static Report Imported(string externalId, Guid organisationId, ReportContent content, Visibility visibility,
        bool isAnonymous, DateTimeOffset now)
    {
        var report = new Report(Guid.NewGuid(), organisationId, null, content, visibility, isAnonymous, now)
        {
            ExternalId = externalId,
        };
        report.Publish(null, now);
        return report;
    }

    public void EditDraft(ReportContent content, Visibility visibility, bool isAnonymous, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.InReview))
            throw new DomainRuleException("Bara utkast och rapporter under granskning kan redigeras som utkast.");
        content.EnsureValid();
        Content = content;
        Visibility = visibility;
        IsAnonymous = isAnonymous;
        UpdatedAt = now;
    }

    /// <summary>An edit of a published report becomes a new revision; the earlier ones stay readable.</summary>
    public bool Revise(ReportContent content, Visibility visibility, bool isAnonymous, Guid? editedBy, DateTimeOffset now)
    {
        if (Status != ReportStatus.Published)
            throw new DomainRuleException("Bara publicerade rapporter får nya versioner.");
        content.EnsureValid();
        if (content.SameAs(Content) && visibility == Visibility && isAnonymous == IsAnonymous) return false;
        Content = content;
        Visibility = visibility;
        IsAnonymous = isAnonymous;
        UpdatedAt = now;
        AddRevision(editedBy, now);
        return true;
    }

    public void Edit(ReportContent content, Visibility visibility, bool isAnonymous, Guid? editedBy, DateTimeOffset now)
    {
        if (Status == ReportStatus.Published) Revise(content, visibility, isAnonymous, editedBy, now);
        else EditDraft(content, visibility, isAnonymous, now);
    }

    public void SubmitForReview(DateTimeOffset now)
    {
        if (Status != ReportStatus.Draft)
            throw new DomainRuleException(Status switch
            {
                ReportStatus.InReview => "Rapporten är redan skickad för granskning.",
                _ => "Bara utkast kan skickas för granskning.",
            });
        Status = ReportStatus.InReview;
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public void ReturnToDraft(DateTimeOffset now)
    {
        if (Status != ReportStatus.InReview)
            throw new DomainRuleException("Bara rapporter under granskning kan skickas tillbaka till författaren.");
        Status = ReportStatus.Draft;
        UpdatedAt = now;
    }

    public void Publish(Guid? publishedBy, DateTimeOffset now)
    {
        if (Status is not (ReportStatus.Draft or ReportStatus.InReview))
            throw new DomainRuleException(Status switch
            {
                ReportStatus.Published => "Rapporten är redan publicerad.",
                _ => "En tillbakadragen rapport kan inte publiceras igen.",
            });
        Status = ReportStatus.Published;
        PublishedAt ??= now;            // the first publication date survives later revisions
        UpdatedAt = now;
        AddRevision(publishedBy, now);
    }

    public void Withdraw(string? reason, DateTimeOffset now)
    {
        if (Status != ReportStatus.Published)
            throw new DomainRuleException("Bara publicerade rapporter kan dras tillbaka.");
        Status = ReportStatus.Withdrawn;
        WithdrawnAt = now;
        WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        UpdatedAt = now;
    }

    public void LinkTo(Guid? precedentId)
    {
        if (precedentId == Id) throw new DomainRuleException("En rapport kan inte bygga på sig själv.", "buildsOn");
        BuildsOnReportId = precedentId;
    }

    public void MarkReused(Guid memberId, Guid? organisationId, string note, DateTimeOffset now)
    {
        if (Status != ReportStatus.Published)
            throw new DomainRuleException("Bara publicerade rapporter kan markeras som återanvända.");
        if (AuthorId == memberId)
            throw new DomainRuleException("Du kan inte markera din egen rapport som återanvänd.");
        if (reuses.Any(r => r.MemberId == memberId))
            throw new DomainRuleException("Du har redan markerat att du återanvänt den här rapporten.");
        reuses.Add(new ReportReuse(Id, memberId, organisationId, note.Trim(), now));
    }

    private void AddRevision(Guid? editedBy, DateTimeOffset now)
    {
        CurrentRevision++;
        revisions.Add(new ReportRevision(Id, CurrentRevision, Content, editedBy, now));
    }
}
