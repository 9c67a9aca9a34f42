using Lessons.Domain;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.UnitTests.Domain;

public sealed class ReportTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static ReportContent Content(string title = "Digitala lås") => new()
    {
        Title = title, Summary = "Kort.", YearStarted = 2023, Outcome = Outcome.Delvis, Stage = Stage.Test, Lessons = "- En lärdom",
    };

    private static Report Draft() => Report.Draft(Guid.NewGuid(), Guid.NewGuid(), Content(), Visibility.Public, false, Now);

    [Fact]
    public void A_new_report_is_a_draft_without_revisions()
    {
        var report = Draft();
        Assert.Equal(ReportStatus.Draft, report.Status);
        Assert.Empty(report.Revisions);
        Assert.Null(report.PublishedAt);
    }

    [Fact]
    public void Publishing_keeps_the_first_publication_date_and_records_revision_one()
    {
        var report = Draft();
        report.SubmitForReview(Now);
        report.Publish(null, Now.AddDays(1));
        report.Revise(Content("Digitala lås, uppdaterad"), Visibility.Public, false, null, null, approved: false, Now.AddDays(9));

        Assert.Equal(Now.AddDays(1), report.PublishedAt);
        Assert.Equal([1, 2], report.Revisions.Select(r => r.Number));
        Assert.Equal("Digitala lås", report.Revisions[0].Content.Title);
        Assert.Equal(2, report.CurrentRevision);
    }

    [Fact]
    public void An_unchanged_edit_of_a_published_report_makes_no_new_revision()
    {
        var report = Draft();
        report.Publish(null, Now);
        Assert.False(report.Revise(Content(), Visibility.Public, false, null, null, approved: false, Now.AddDays(1)));
        Assert.Single(report.Revisions);
    }

    [Fact]
    public void A_withdrawn_report_cannot_be_published_again_and_says_why()
    {
        var report = Draft();
        report.Publish(null, Now);
        report.Withdraw("Fel uppgifter", Now.AddDays(1));

        var error = Assert.Throws<DomainRuleException>(() => report.Publish(null, Now.AddDays(2)));
        Assert.Contains("tillbakadragen", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Withdrawn, report.Status);
    }

    [Fact]
    public void Only_drafts_can_be_submitted_and_only_published_reports_withdrawn()
    {
        var report = Draft();
        Assert.Throws<DomainRuleException>(() => report.Withdraw(null, Now));
        report.SubmitForReview(Now);
        Assert.Throws<DomainRuleException>(() => report.SubmitForReview(Now));
    }

    [Fact]
    public void A_report_without_lessons_is_refused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Report.Draft(Guid.NewGuid(), Guid.NewGuid(), Content() with { Lessons = " " }, Visibility.Public, false, Now));
        Assert.Equal("Lessons", error.Field);
    }

    [Fact]
    public void A_member_marks_reuse_once_and_never_on_their_own_report()
    {
        var author = Guid.NewGuid();
        var report = Report.Draft(Guid.NewGuid(), author, Content(), Visibility.Public, false, Now);
        var reader = Guid.NewGuid();
        Assert.Throws<DomainRuleException>(() => report.MarkReused(reader, null, "Vi testade också", Now));   // not published yet
        report.Publish(null, Now);

        report.MarkReused(reader, null, "Vi testade också", Now);

        Assert.Throws<DomainRuleException>(() => report.MarkReused(reader, null, "Igen", Now));
        Assert.Throws<DomainRuleException>(() => report.MarkReused(author, null, "Min egen", Now));
        Assert.Single(report.Reuses);
    }
}
