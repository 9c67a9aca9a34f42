namespace Lessons.Domain.Reports;

/// <summary>
/// A state of a published report, kept so that readers can see what changed and when. A revision that needs a
/// moderator (a change of anonymity or visibility, or any change to an anonymous report) waits as
/// <see cref="RevisionState.Pending"/> while readers keep reading the last approved one.
/// </summary>
public sealed class ReportRevision
{
    private ReportRevision() { }

    internal ReportRevision(Guid reportId, int number, ReportContent content, Visibility visibility, bool isAnonymous,
        Guid? editedBy, string? changeNote, RevisionState state, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ReportId = reportId;
        Number = number;
        CreatedAt = now;
        Replace(content, visibility, isAnonymous, editedBy, changeNote, state, now);
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    public int Number { get; private set; }

    public ReportContent Content { get; private set; } = null!;

    public Visibility Visibility { get; private set; }

    public bool IsAnonymous { get; private set; }

    public Guid? EditedBy { get; private set; }

    /// <summary>A short line by whoever made the change: what changed and why.</summary>
    public string? ChangeNote { get; private set; }

    public RevisionState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a moderator took the revision's text away (it named what it should not have).</summary>
    public DateTimeOffset? RedactedAt { get; private set; }

    internal void Replace(ReportContent content, Visibility visibility, bool isAnonymous, Guid? editedBy, string? changeNote,
        RevisionState state, DateTimeOffset now)
    {
        Content = content;
        Visibility = visibility;
        IsAnonymous = isAnonymous;
        EditedBy = editedBy;
        ChangeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim();
        State = state;
        CreatedAt = now;
    }

    internal void Approve() => State = RevisionState.Approved;

    internal void Return() => State = RevisionState.Returned;

    /// <summary>The text is replaced, not hidden: what a slip named is gone from the database too.</summary>
    internal void Redact(DateTimeOffset now)
    {
        Content = Content with
        {
            Title = "Borttagen version",
            Summary = "",
            Principles = [], Challenges = [], InnovationTypes = [], Drivers = [], Effects = [],
            CostSek = null, EffortHours = null, CostNote = null, Collaborators = [], Support = [], Links = [],
            CoOrganisationIds = [], ContactName = null, ContactEmail = null,
            Background = "", WhatWeDid = "", Result = "", Recommendations = "",
            Lessons = "Versionen har tagits bort av en moderator.",
        };
        ChangeNote = null;
        RedactedAt = now;
    }
}

public enum RevisionState
{
    /// <summary>Readers may read it; the newest approved one is the report's current text.</summary>
    Approved,

    /// <summary>Waiting for a moderator; readers still read the last approved revision.</summary>
    Pending,

    /// <summary>A moderator sent it back to the author with a comment; the author's next edit resubmits it.</summary>
    Returned,
}
