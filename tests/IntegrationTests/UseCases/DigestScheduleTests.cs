using Lessons.Application.Digests;
using Lessons.Application.Digests.Commands;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Subscriptions;
using Lessons.Application.Subscriptions.Commands;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>The scheduled runs over weeks of a moved clock: windows fixed by the schedule, contiguous, once a week.</summary>
public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>Ten Mondays from the first, one set across each daylight-saving change of 2026 (29 March, 25 October).</summary>
    public static TheoryData<string, string> Stretches()
    {
        var data = new TheoryData<string, string>();
        foreach (var database in new[] { TestDatabases.Sqlite, TestDatabases.Postgres })
        {
            data.Add(database, "2026-03-09");
            data.Add(database, "2026-10-05");
        }
        return data;
    }

    private static DateTimeOffset Local(DateTime local) =>
        new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();

    [Theory, MemberData(nameof(Stretches))]
    public async Task Ten_weeks_across_a_daylight_saving_change_give_one_digest_a_week_with_every_matching_report_once(string database, string firstMonday)
    {
        await using var app = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://lessons.example.se" });
        var monday = DateTime.Parse(firstMonday, System.Globalization.CultureInfo.InvariantCulture);
        app.Clock.Now = Local(monday.AddHours(9));
        var editor = await app.Member("Umeå kommun", editor: true);

        var subscribers = new Dictionary<string, (Guid Id, string Principle)>();
        foreach (var (email, principle) in new[] { ("lara@example.org", "testa-och-lara"), ("sprida@example.org", "sprida-lardomar") })
        {
            await app.SendAs(Actor.Nobody, new SubscribeCommand(email, new FollowChoice { Principles = [principle] }));
            var link = MailFolder.LinkIn(app.MailDirectory, email, "/prenumerera/bekrafta/");
            await app.SendAs(Actor.Nobody, new ConfirmSubscriptionCommand(link.Segments[^1]));
            subscribers[email] = (await app.WithDb(db => db.Subscribers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync()), principle);
        }

        var published = new List<(Guid Id, string Principle, DateTimeOffset At)>();
        async Task Publish(string principle, int n)
        {
            var input = Drafts.Valid($"Rapport {n} om {principle}") with { Principles = [principle] };
            var id = await app.SendAs(editor, new CreateDraftCommand(input));
            await app.SendAs(editor, new PublishReportCommand(id));
            published.Add((id, principle, app.Clock.Now));
        }

        var cutoffs = new List<DateTimeOffset>();
        var n = 0;
        for (var week = 1; week <= 10; week++)
        {
            var cutoff = Local(monday.AddDays(7 * week).AddHours(7));
            cutoffs.Add(cutoff);
            // Tuesday: one report for "lara" every week; "sprida" only in odd weeks, so it has weeks with nothing new.
            app.Clock.Now = cutoff - TimeSpan.FromDays(6);
            await Publish("testa-och-lara", ++n);
            if (week % 2 == 1) await Publish("sprida-lardomar", ++n);
            // A check before the cutoff sends nothing new: the run of the past Monday is finished.
            app.Clock.Now = cutoff - TimeSpan.FromHours(1);
            await app.Send(new RunDigestsCommand());
            // Exactly at the cutoff instant: this report belongs to next week's digest, not to this one and not to none.
            app.Clock.Now = cutoff;
            await Publish("testa-och-lara", ++n);
            // The scheduler's checks: on time, again a little later, and on Wednesday.
            await app.Send(new RunDigestsCommand());
            app.Clock.Now = cutoff + TimeSpan.FromMinutes(5);
            await app.Send(new RunDigestsCommand());
            app.Clock.Now = cutoff + TimeSpan.FromDays(2);
            await app.Send(new RunDigestsCommand());
        }

        var runs = await app.WithDb(db => db.DigestRuns.AsNoTracking().Where(r => r.ScheduleKey != null).ToListAsync());
        Assert.Equal(cutoffs, runs.Select(r => r.Cutoff).Where(c => c > cutoffs[0] - TimeSpan.FromDays(1)).Order());
        Assert.All(runs, r => Assert.Equal(new TimeSpan(7, 0, 0), TimeZoneInfo.ConvertTime(r.Cutoff, Stockholm).TimeOfDay));
        var lengths = cutoffs.Zip(cutoffs.Skip(1), (a, b) => (b - a).TotalHours).ToList();
        Assert.Contains(lengths, h => h is 167 or 169);

        var lastCutoff = cutoffs[^1];
        foreach (var (email, (id, principle)) in subscribers)
        {
            var deliveries = await app.WithDb(db => db.DigestDeliveries.AsNoTracking().Where(d => d.SubscriberId == id).ToListAsync());
            Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
            Assert.Equal(deliveries.Count, deliveries.Select(d => d.IsoWeek).Distinct().Count());
            // Every matching report first published before the last cutoff is in exactly one digest, in its own week.
            var expected = published.Where(p => p.Principle == principle && p.At < lastCutoff).Select(p => p.Id).Order().ToList();
            Assert.Equal(expected, deliveries.SelectMany(d => d.ReportIds).Order().ToList());
            foreach (var d in deliveries)
                Assert.All(d.ReportIds, i => Assert.InRange(published.Single(p => p.Id == i).At, d.WindowStart, d.WindowEnd - TimeSpan.FromTicks(1)));
            // One digest in each week with something new, none in the others.
            var weeksWithNews = cutoffs.Where((c, i) => published.Any(p => p.Principle == principle
                && p.At >= (i == 0 ? DateTimeOffset.MinValue : cutoffs[i - 1]) && p.At < c)).Select(c => DigestRun.WeekOf(c, Stockholm)).ToList();
            Assert.Equal(weeksWithNews, deliveries.OrderBy(d => d.WindowEnd).Select(d => d.IsoWeek));
            Assert.Equal(deliveries.Count, app.Mail(email).Count(m => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal)));
        }
        Assert.Equal(10, await app.WithDb(db => db.DigestDeliveries.CountAsync(d => d.SubscriberId == subscribers["lara@example.org"].Id)));
        Assert.Equal(5, await app.WithDb(db => db.DigestDeliveries.CountAsync(d => d.SubscriberId == subscribers["sprida@example.org"].Id)));
    }

    [Fact]
    public void The_cutoff_is_monday_seven_in_stockholm_whatever_the_offset()
    {
        var options = new DigestOptions();
        // Sunday 29 March 2026 the clocks go forward; the Monday after, 07:00 is 05:00 UTC, the Monday before 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 6, 0, 0, TimeSpan.Zero), DigestSchedule.LatestCutoff(new DateTimeOffset(2026, 3, 30, 4, 59, 0, TimeSpan.Zero), options));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero), DigestSchedule.LatestCutoff(new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero), options));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 6, 0, 0, TimeSpan.Zero), DigestSchedule.NextCutoff(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero), options));
    }
}

/// <summary>Several nodes on one PostgreSQL: each runs the scheduler's check, and each subscriber still gets one digest.</summary>
public sealed class DigestNodesTests
{
    [Fact]
    public async Task Two_schedulers_on_one_PostgreSQL_at_once_send_each_subscriber_one_digest()
    {
        await using var nodeA = await TestApp.StartAsync(TestDatabases.Postgres, new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://lessons.example.se" });
        await using var nodeB = await nodeA.WithIndexAt(TestDatabases.TempDirectory("index-b"));
        var editor = await nodeA.Member("Umeå kommun", editor: true);
        await nodeA.WithDb(db =>
        {
            for (var i = 0; i < 60; i++)
            {
                var s = new Subscriber(Guid.NewGuid(), $"nod{i:00}@example.org", nodeA.Clock.Now);
                s.Confirm(nodeA.Clock.Now);
                s.AddFollow(Follow.Of(s.Id, FollowKind.Principle, "testa-och-lara", nodeA.Clock.Now));
                db.Subscribers.Add(s);
            }
            return db.SaveChangesAsync();
        });
        nodeA.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await nodeA.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Rapporten till alla noder")));
        await nodeA.SendAs(editor, new PublishReportCommand(id));

        // Past next Monday's cutoff on both nodes' clocks, then both check at once, twice.
        var cutoff = DigestSchedule.NextCutoff(nodeA.Clock.Now, new DigestOptions());
        nodeA.Clock.Now = cutoff + TimeSpan.FromMinutes(1);
        nodeB.Clock.Now = nodeA.Clock.Now;
        for (var round = 0; round < 2; round++)
            await Task.WhenAll(Task.Run(() => nodeA.Send(new RunDigestsCommand())), Task.Run(() => nodeB.Send(new RunDigestsCommand())));

        Assert.Equal(1, await nodeA.WithDb(db => db.DigestRuns.CountAsync(r => r.ScheduleKey != null && r.Cutoff == cutoff)));
        for (var i = 0; i < 60; i++)
            Assert.Single(MailFolder.To(nodeA.MailDirectory, $"nod{i:00}@example.org"), m => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal));
        Assert.Equal(60, await nodeA.WithDb(db => db.DigestDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent)));
    }
}
