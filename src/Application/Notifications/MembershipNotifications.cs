using Lessons.Domain.Members;
using Lessons.Domain.Organisations;

namespace Lessons.Application.Notifications;

/// <summary>The e-mails of joining an organisation: the request to those who decide, the answer to the member.</summary>
public sealed class MembershipNotifications(Notifier notifier)
{
    /// <summary>To the organisation's editors; to the moderators while it has none (on day one, no real one has).
    /// True when it went to the moderators.</summary>
    public async Task<bool> RequestedAsync(Member member, Organisation organisation, CancellationToken ct)
    {
        var (to, moderators) = await notifier.EditorsOrModeratorsAsync(organisation.Id, ct);
        await notifier.SendAsync(to, member.Id, new Notification(
            $"{member.DisplayName} vill gå med i {organisation.Name}",
            [
                $"{member.DisplayName} ({member.Email}) har ansökt om att gå med i {organisation.Name} på Lessons.",
                moderators
                    ? "Organisationen har ännu inga redaktörer, så ansökan går till plattformens moderatorer."
                    : "Som redaktör för organisationen godkänner eller avslår du ansökan.",
            ],
            "Hantera ansökan",
            notifier.Link(moderators ? "/moderering/ansokningar" : $"/organisationer/{organisation.Id}")), ct);
        return moderators;
    }

    public async Task ApprovedAsync(Member member, Organisation organisation, Guid? approvedBy, CancellationToken ct) =>
        await notifier.SendAsync([new Recipient(member.Id, member.Email, member.DisplayName)], approvedBy, new Notification(
            $"Du är nu medlem i {organisation.Name} på Lessons",
            [
                $"Din ansökan om att gå med i {organisation.Name} är godkänd.",
                "Nu kan du skriva rapporter för organisationen och läsa rapporter som bara är öppna för medlemmar.",
            ],
            "Skriv en rapport",
            notifier.Link("/rapporter/ny")), ct);
}
