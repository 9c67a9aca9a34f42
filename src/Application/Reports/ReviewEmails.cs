using System.Net;

using Lessons.Application.Common.Ports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports;

/// <summary>The mail an author gets when a reviewer sends their report (or a change of it) back: the comment in
/// full, so the author can act on it without signing in first, and one link to the report.</summary>
internal static class ReviewEmails
{
    public static async Task SendReturnedAsync(ILessonsDbContext db, IEmailSender email, IPublicLinks links,
        Guid? to, Guid reportId, string title, string comment, bool change, CancellationToken ct)
    {
        if (to is null) return;       // imported reports have no author to tell
        var author = await db.Members.AsNoTracking().Where(m => m.Id == to)
            .Select(m => new { m.Email, m.DisplayName }).SingleOrDefaultAsync(ct);
        if (author is null) return;

        var link = links.Report(reportId);
        var what = change
            ? $"Din ändring av rapporten \"{title}\" har skickats tillbaka av en moderator. Läsarna ser fortfarande den tidigare versionen."
            : $"Din rapport \"{title}\" har skickats tillbaka till dig som utkast.";
        var plain = $"Hej {author.DisplayName}!\n\n{what}\n\nKommentar från granskaren:\n{comment}\n\nÖppna rapporten: {link}\n\n– Lessons";
        var html = $"""
            <!DOCTYPE html><html lang="sv"><body>
            <p>Hej {WebUtility.HtmlEncode(author.DisplayName)}!</p><p>{WebUtility.HtmlEncode(what)}</p>
            <p>Kommentar från granskaren:</p><blockquote>{WebUtility.HtmlEncode(comment).Replace("\n", "<br>", StringComparison.Ordinal)}</blockquote>
            <p><a href="{WebUtility.HtmlEncode(link)}">Öppna rapporten</a></p><p>– Lessons</p>
            </body></html>
            """;
        await email.SendAsync(new EmailMessage(author.Email, $"Rapporten \"{title}\" behöver ändras", plain, html), ct);
    }
}
