using Lessons.Domain.Subscriptions;

using Mediator;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lessons.Application.Digests.Commands;

/// <summary>
/// The digest job, for the scheduler's periodic check and for <c>digest --send-now</c>. First it makes the run due:
/// the week's scheduled run once its cutoff has passed (one per week however many nodes try: its schedule key is
/// unique), or with <see cref="SendNow"/> a manual run whose cutoff is this moment. Then it works every unfinished
/// run whose lease it gets, the ones a dead node left included. Answers the counts of the runs it looked at.
/// </summary>
public sealed record RunDigestsCommand(bool SendNow = false) : IRequest<IReadOnlyList<DigestRunCounts>>;

internal sealed class RunDigestsHandler(
    Common.Ports.ILessonsDbContext db, DigestRunWork work, IOptions<DigestOptions> options, TimeProvider clock)
    : IRequestHandler<RunDigestsCommand, IReadOnlyList<DigestRunCounts>>
{
    public async ValueTask<IReadOnlyList<DigestRunCounts>> Handle(RunDigestsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = options.Value.Zone();
        var run = command.SendNow ? DigestRun.Manual(now, zone) : DigestRun.Scheduled(DigestSchedule.LatestCutoff(now, options.Value), zone, now);
        if (run.ScheduleKey is null || !await db.DigestRuns.AnyAsync(r => r.ScheduleKey == run.ScheduleKey, ct))
        {
            db.DigestRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node created this week's run a moment earlier: it is worked below like any other.
                db.DigestRuns.Remove(run);
            }
        }

        var unfinished = await db.DigestRuns.AsNoTracking().Where(r => r.CompletedAt == null)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in unfinished) await work.WorkAsync(id, ct);

        var key = run.ScheduleKey ?? "";
        var shown = await db.DigestRuns.AsNoTracking()
            .Where(r => unfinished.Contains(r.Id) || r.ScheduleKey == key || r.Id == run.Id)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(ct);
        var counts = new List<DigestRunCounts>();
        foreach (var id in shown) counts.Add(await work.CountsAsync(id, ct));
        return counts;
    }
}
