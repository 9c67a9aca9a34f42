using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Domain.Subscriptions;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions;

/// <summary>
/// The subscriber that belongs to a member: the one linked to the account, or the one at the account's (confirmed)
/// address. Linking matters to the digest: a linked subscriber gets the members-only reports its member may read.
/// </summary>
internal static class MemberSubscriber
{
    public static async Task<(string Email, Subscriber? Subscriber)> FindAsync(
        ILessonsDbContext db, Viewer viewer, bool tracked, CancellationToken ct)
    {
        var memberId = viewer.UserId!.Value;
        var email = Subscriber.NormaliseEmail(await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.Email).SingleAsync(ct));
        var subscribers = (tracked ? db.Subscribers : db.Subscribers.AsNoTracking()).Include(s => s.Follows);
        var subscriber = await subscribers.OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(s => s.MemberId == memberId, ct)
            ?? await subscribers.SingleOrDefaultAsync(s => s.Email == email, ct);
        return (email, subscriber);
    }
}
