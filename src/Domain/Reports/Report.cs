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

    /// <summary>What a reviewer wrote when sending the report (or a pending change of it) back to the author.</summary>
    public string? ReturnComment { get; private set; }

    public IReadOnlyList<ReportRevision> Revisions => revisions;

    public IReadOnlyList<ReportReuse> Reuses => reuses;

    /// <summary>The change of a published report that waits for a moderator (or was sent back), if any.</summary>
    public ReportRevision? PendingRevision => revisions.SingleOrDefault(v => v.State != RevisionState.Approved);

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

    /// <summary>
    /// Which changes of a published report readers may see only after a moderator: a change of anonymity or
    /// visibility, any change to an anonymous report (its text could give the organisation away), and any change
    /// while another one waits.
    /// </summary>
    public bool ChangeNeedsModeration(Visibility visibility, bool isAnonymous) =>
        IsAnonymous || isAnonymous || visibility != Visibility || PendingRevision is not null;

    /// <summary>
    /// An edit of a published report becomes a new revision; the earlier ones stay. <paramref name="approved"/>
    /// says a moderator made it (or its source reviewed it); otherwise a change that needs moderation waits as the
    /// pending revision, and readers keep the current one.
    /// </summary>
    public bool Revise(ReportContent content, Visibility visibility, bool isAnonymous, Guid? editedBy, string? changeNote,
        bool approved, DateTimeOffset now)
    {
        if (Status != ReportStatus.Published)
            throw new DomainRuleException("Bara publicerade rapporter får nya versioner.");
        content.EnsureValid();
        var pending = PendingRevision;
        if (pending is null && content.SameAs(Content) && visibility == Visibility && isAnonymous == IsAnonymous) return false;
        UpdatedAt = now;
        if (!approved && ChangeNeedsModeration(visibility, isAnonymous))
        {
            if (pending is null)
            {
                revisions.Add(new ReportRevision(Id, CurrentRevision + 1, content, visibility, isAnonymous, editedBy,
                    changeNote, RevisionState.Pending, now));
            }
            else pending.Replace(content, visibility, isAnonymous, editedBy, changeNote, RevisionState.Pending, now);
            return true;
        }
        if (pending is null)
        {
            pending = new ReportRevision(Id, CurrentRevision + 1, content, visibility, isAnonymous, editedBy, changeNote,
                RevisionState.Approved, now);
            revisions.Add(pending);
        }
        else pending.Replace(content, visibility, isAnonymous, editedBy, changeNote, RevisionState.Approved, now);
        MakeCurrent(pending);
        return true;
    }

    public void Edit(ReportContent content, Visibility visibility, bool isAnonymous, Guid? editedBy, string? changeNote,
        bool approved, DateTimeOffset now)
    {
        if (Status == ReportStatus.Published) Revise(content, visibility, isAnonymous, editedBy, changeNote, approved, now);
        else EditDraft(content, visibility, isAnonymous, now);
    }

    /// <summary>A moderator lets the waiting change through: readers see it from now on.</summary>
    public void ApprovePendingRevision(DateTimeOffset now)
    {
        var pending = PendingRevision is { State: RevisionState.Pending } waiting ? waiting
            : throw new DomainRuleException("Det finns ingen ändring som väntar på granskning.");
        pending.Approve();
        MakeCurrent(pending);
        UpdatedAt = now;
    }

    /// <summary>A moderator sends the waiting change back; readers keep the current revision.</summary>
    public void ReturnPendingRevision(string comment, DateTimeOffset now)
    {
        var pending = PendingRevision is { State: RevisionState.Pending } waiting ? waiting
            : throw new DomainRuleException("Det finns ingen ändring som väntar på granskning.");
        ReturnComment = RequiredComment(comment);
        pending.Return();
        UpdatedAt = now;
    }

    /// <summary>Takes an earlier revision's text away for good. The current one is changed by editing instead.</summary>
    public void RedactRevision(int number, DateTimeOffset now)
    {
        var revision = revisions.SingleOrDefault(v => v.Number == number && v.State == RevisionState.Approved)
            ?? throw new DomainRuleException($"Rapporten har ingen version {number}.");
        if (number == CurrentRevision)
            throw new DomainRuleException("Den aktuella versionen kan inte tas bort. Ändra rapporten i stället.");
        if (revision.RedactedAt is not null) throw new DomainRuleException($"Version {number} är redan borttagen.");
        revision.Redact(now);
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

    public void ReturnToDraft(string comment, DateTimeOffset now)
    {
        if (Status != ReportStatus.InReview)
            throw new DomainRuleException("Bara rapporter under granskning kan skickas tillbaka till författaren.");
        ReturnComment = RequiredComment(comment);
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
        ReturnComment = null;
        CurrentRevision++;
        revisions.Add(new ReportRevision(Id, CurrentRevision, Content, Visibility, IsAnonymous, publishedBy, null,
            RevisionState.Approved, now));
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
        // Spread is measured between organisations; and on an anonymous report the reuse list would name the owner.
        if (organisationId == OrganisationId)
            throw new DomainRuleException("Rapporter från din egen organisation kan inte markeras som återanvända.");
        if (reuses.Any(r => r.MemberId == memberId))
            throw new DomainRuleException("Du har redan markerat att du återanvänt den här rapporten.");
        reuses.Add(new ReportReuse(Id, memberId, organisationId, note.Trim(), now));
    }

    private void MakeCurrent(ReportRevision revision)
    {
        Content = revision.Content;
        Visibility = revision.Visibility;
        IsAnonymous = revision.IsAnonymous;
        CurrentRevision = revision.Number;
        ReturnComment = null;
    }

    private static string RequiredComment(string? comment) => string.IsNullOrWhiteSpace(comment)
        ? throw new DomainRuleException("Skriv en kommentar till författaren om vad som behöver ändras.", "Comment")
        : comment.Trim();
}
