using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Reports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Notifications;

/// <summary>The e-mails of a report's life: to those who must act next, and to the author when something happens to it.</summary>
public sealed class ReportNotifications(Notifier notifier, ILessonsDbContext db)
{
    /// <summary>To the organisation's editors (moderators while it has none); anonymous reports to the moderators,
    /// who publish them.</summary>
    public async Task SubmittedAsync(Report report, Viewer by, CancellationToken ct)
    {
        var title = report.Content.Title;
        var (to, moderators) = report.IsAnonymous
            ? (await notifier.ModeratorsAsync(ct), true)
            : await notifier.EditorsOrModeratorsAsync(report.OrganisationId, ct);
        var organisation = await OrganisationNameAsync(report.OrganisationId, ct);
        await notifier.SendAsync(to, by.UserId, new Notification(
            new("Rapport att granska: {0}", title),
            report.IsAnonymous
                ? [new("En anonym rapport från {0} väntar på granskning: ”{1}”.", organisation, title),
                   "Kontrollera att inget i texten avslöjar organisationen innan du publicerar den."]
                : [new("En rapport från {0} väntar på granskning: ”{1}”.", organisation, title),
                   moderators
                       ? "Organisationen har ännu inga redaktörer, så rapporten granskas av plattformens moderatorer."
                       : "Som redaktör publicerar du rapporten eller skickar tillbaka den till författaren."],
            "Granska rapporten",
            ReportLink(report)), ct);
    }

    public async Task PublishedAsync(Report report, Viewer by, CancellationToken ct) =>
        await notifier.SendAsync([await notifier.MemberAsync(report.AuthorId, ct)], by.UserId, new Notification(
            new("Din rapport är publicerad: {0}", report.Content.Title),
            [new("Din rapport ”{0}” är publicerad på Lessons. Nu kan andra organisationer hitta den och lära av den.", report.Content.Title)],
            "Läs rapporten",
            ReportLink(report)), ct);

    /// <summary>To the author and the organisation's editors: this is the spread the report was written for.</summary>
    public async Task ReusedAsync(Report report, Viewer by, string note, CancellationToken ct)
    {
        var reuser = (await notifier.MemberAsync(by.UserId, ct))?.DisplayName;
        var from = by.OrganisationId is { } id ? await OrganisationNameAsync(id, ct) : null;
        var title = report.Content.Title;
        MailText said = (reuser, from) switch
        {
            (null, _) => new("En medlem har markerat att de har återanvänt ”{0}”. De skrev:", title),
            (_, null or "") => new("{0} har markerat att de har återanvänt ”{1}”. De skrev:", reuser, title),
            _ => new("{0} ({1}) har markerat att de har återanvänt ”{2}”. De skrev:", reuser, from, title),
        };
        var to = new List<Recipient?> { await notifier.MemberAsync(report.AuthorId, ct) };
        to.AddRange(await notifier.EditorsOfAsync(report.OrganisationId, ct));
        await notifier.SendAsync(to, by.UserId, new Notification(
            new("Er rapport har återanvänts: {0}", title),
            [said],
            "Se rapporten",
            ReportLink(report),
            Quote: note), ct);
    }

    /// <summary>A draft goes back to its author, a waiting change to whoever made it, with the reviewer's comment in
    /// full, so they can act on it without signing in first.</summary>
    public async Task ReturnedAsync(Report report, Viewer by, Guid? to, string title, bool change, CancellationToken ct) =>
        await notifier.SendAsync([await notifier.MemberAsync(to, ct)], by.UserId, new Notification(
            new("Rapporten ”{0}” behöver ändras", title),
            [change
                ? new MailText("Din ändring av rapporten ”{0}” har skickats tillbaka av en moderator. Läsarna ser fortfarande den tidigare versionen.", title)
                : new MailText("Din rapport ”{0}” har skickats tillbaka till dig som utkast.", title),
             "Kommentar från granskaren:"],
            "Öppna rapporten",
            ReportLink(report),
            Quote: report.ReturnComment), ct);

    private string ReportLink(Report report) => notifier.Link($"/rapporter/{report.Id}");

    private async Task<string> OrganisationNameAsync(Guid id, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
}
