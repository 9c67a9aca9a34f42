using Lessons.Application.Notifications;
using Lessons.Domain;
using Lessons.Infrastructure.Persistence;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Infrastructure.Identity;

/// <summary>Moderators and administrators (who moderate too) with a confirmed address, from the account tables.</summary>
internal sealed class ModeratorDirectory(LessonsDbContext db) : IModeratorDirectory
{
    private static readonly string[] RoleNames = [Roles.Moderator.ToUpperInvariant(), Roles.Admin.ToUpperInvariant()];

    public async Task<IReadOnlyList<Recipient>> ListAsync(CancellationToken ct)
    {
        var rows = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                join user in db.Users on userRole.UserId equals user.Id
                where RoleNames.Contains(role.NormalizedName!) && user.EmailConfirmed && user.Email != null
                // A moderator made by the CLI may have no member row yet: their mails stay Swedish.
                let language = db.Members.Where(m => m.Id == user.Id).Select(m => m.PreferredLanguage).FirstOrDefault()
                select new { user.Id, user.Email, user.DisplayName, Language = language ?? LanguageCodes.Swedish })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.DistinctBy(r => r.Id).OrderBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new Recipient(r.Id, r.Email!, r.DisplayName, r.Language))];
    }
}
