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
            new("{0} vill gå med i {1}", member.DisplayName, organisation.Name),
            [
                new("{0} ({1}) har ansökt om att gå med i {2} på Lessons.", member.DisplayName, member.Email, organisation.Name),
                moderators
                    ? "Organisationen har ännu inga redaktörer, så ansökan går till plattformens moderatorer."
                    : "Som redaktör för organisationen godkänner eller avslår du ansökan.",
            ],
            "Hantera ansökan",
            notifier.Link(moderators ? "/moderering/ansokningar" : $"/organisationer/{organisation.Id}")), ct);
        return moderators;
    }

    public async Task ApprovedAsync(Member member, Organisation organisation, Guid? approvedBy, CancellationToken ct) =>
        await notifier.SendAsync([new Recipient(member.Id, member.Email, member.DisplayName, member.PreferredLanguage)], approvedBy, new Notification(
            new("Du är nu medlem i {0} på Lessons", organisation.Name),
            [
                new("Din ansökan om att gå med i {0} är godkänd.", organisation.Name),
                "Nu kan du skriva rapporter för organisationen och läsa rapporter som bara är öppna för medlemmar.",
            ],
            "Skriv en rapport",
            notifier.Link("/rapporter/ny")), ct);
}
