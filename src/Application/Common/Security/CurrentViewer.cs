using Lessons.Application.Common.Ports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Common.Security;

/// <summary>Loads the viewer once per scope (one HTTP request, one command): membership and role live in the database.</summary>
public sealed class CurrentViewer(ICurrentUser user, ILessonsDbContext db)
{
    private Viewer? viewer;

    public async ValueTask<Viewer> GetAsync(CancellationToken ct)
    {
        if (viewer is not null) return viewer;
        var member = user.UserId is { } id
            ? await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
            : null;
        return viewer = Viewer.From(user.UserId, member, user.IsModerator, user.IsAdmin);
    }
}
