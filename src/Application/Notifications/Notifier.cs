using Lessons.Application.Common.Ports;
using Lessons.Domain.Members;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace Lessons.Application.Notifications;

/// <summary>
/// Finds who should hear about something and e-mails them. Handlers call it after SaveChanges: the action has
/// happened whether or not the mail gets through.
/// </summary>
public sealed class Notifier(
    ILessonsDbContext db, IEmailSender email, IModeratorDirectory moderators, ISiteAddress site, IStringLocalizer text, ILogger<Notifier> log)
{
    public string Link(string path) => site.Link(path);

    public async Task<IReadOnlyList<Recipient>> EditorsOfAsync(Guid organisationId, CancellationToken ct) =>
        await db.Members.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role == MemberRole.Editor)
            .OrderBy(m => m.Email)
            .Select(m => new Recipient(m.Id, m.Email, m.DisplayName, m.PreferredLanguage)).ToListAsync(ct);

    /// <summary>The organisation's editors, or the moderators while it has none, so nothing waits for nobody.</summary>
    public async Task<(IReadOnlyList<Recipient> To, bool Moderators)> EditorsOrModeratorsAsync(Guid organisationId, CancellationToken ct)
    {
        var editors = await EditorsOfAsync(organisationId, ct);
        return editors.Count > 0 ? (editors, false) : (await moderators.ListAsync(ct), true);
    }

    public Task<IReadOnlyList<Recipient>> ModeratorsAsync(CancellationToken ct) => moderators.ListAsync(ct);

    public async Task<Recipient?> MemberAsync(Guid? memberId, CancellationToken ct) =>
        memberId is not { } id ? null
            : await db.Members.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new Recipient(m.Id, m.Email, m.DisplayName, m.PreferredLanguage)).SingleOrDefaultAsync(ct);

    /// <summary>Sends to each recipient once, never to the person who did the thing.</summary>
    public async Task SendAsync(IEnumerable<Recipient?> recipients, Guid? actor, Notification notification, CancellationToken ct)
    {
        foreach (var to in recipients.OfType<Recipient>().Where(r => r.Id != actor)
                     .DistinctBy(r => r.Email.ToUpperInvariant()))
        {
            try
            {
                await email.SendAsync(notification.Render(to, text), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The action is saved already; a mail server that is down must not turn it into an error page, and
                // the next recipient should still get theirs.
                log.LogError(e, "Could not send \"{Subject}\" to {Recipient}", notification.Subject.Swedish, to.Email);
            }
        }
    }
}
