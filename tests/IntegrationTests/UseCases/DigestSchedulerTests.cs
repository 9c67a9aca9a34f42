using System.Diagnostics;

using Lessons.Application.Reports.Commands;
using Lessons.Domain.Subscriptions;
using Lessons.Infrastructure.Digests;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>The hosted service itself, as every node runs it: its own loop, its own checks, a moved clock.</summary>
public sealed class DigestSchedulerTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>A host that has started: the scheduler waits for that before its first check.</summary>
    private sealed class StartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted { get; } = new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() { }
    }

    private static DateTimeOffset Local(DateTime local) => new DateTimeOffset(local, Stockholm.GetUtcOffset(local)).ToUniversalTime();

    private static bool IsDigest(MimeKit.MimeMessage m) => (m.Subject ?? "").StartsWith("Lessons veckobrev", StringComparison.Ordinal);

    [Fact]
    public async Task The_scheduler_sends_the_weeks_digest_once_when_the_clock_passes_monday_seven_in_Stockholm_with_two_nodes_on_one_PostgreSQL()
    {
        var settings = new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://lessons.example.se", ["Digest:CheckInterval"] = "00:00:00.100" };
        await using var nodeA = await TestApp.StartAsync(TestDatabases.Postgres, settings);
        await using var nodeB = await nodeA.WithIndexAt(TestDatabases.TempDirectory("index-b"));
        // Thursday 3 December 2026 at noon: the next cutoff is Monday 7 December, 07:00 in Stockholm (06:00 UTC).
        var thursday = Local(new DateTime(2026, 12, 3, 12, 0, 0));
        var cutoff = Local(new DateTime(2026, 12, 7, 7, 0, 0));
        nodeA.Clock.Now = nodeB.Clock.Now = thursday;
        var editor = await nodeA.Member("Umeå kommun", editor: true);
        await nodeA.WithDb(db =>
        {
            for (var i = 0; i < 30; i++)
            {
                var s = new Subscriber(Guid.NewGuid(), $"schema{i:00}@example.org", nodeA.Clock.Now);
                s.Confirm(nodeA.Clock.Now);
                s.AddFollow(Follow.Of(s.Id, FollowKind.Principle, "testa-och-lara", nodeA.Clock.Now));
                db.Subscribers.Add(s);
            }
            return db.SaveChangesAsync();
        });
        nodeA.Clock.Advance(TimeSpan.FromMinutes(1));
        var report = await nodeA.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Rapporten som schemat skickar") with { Principles = ["testa-och-lara"] }));
        await nodeA.SendAs(editor, new PublishReportCommand(report));

        var lifetime = new StartedLifetime();
        var schedulers = new[] { nodeA.Create<DigestScheduler>(lifetime), nodeB.Create<DigestScheduler>(lifetime) };
        var states = new[] { nodeA.Get<DigestSchedulerState>(), nodeB.Get<DigestSchedulerState>() };
        async Task ChecksAt(DateTimeOffset now)
        {
            // Both nodes have finished a check that began at this moment (a check records the clock when it ends).
            var wait = Stopwatch.StartNew();
            while (!states.All(s => s.Last.At == now) || wait.Elapsed < TimeSpan.FromSeconds(1))
            {
                Assert.True(wait.Elapsed < TimeSpan.FromSeconds(60), "the schedulers did not check: " + string.Join("; ", states.Select(s => s.Last.Error)));
                await Task.Delay(50);
            }
        }
        try
        {
            foreach (var scheduler in schedulers) await scheduler.StartAsync(CancellationToken.None);

            // A minute before the cutoff both nodes check and check again, and nothing is sent.
            nodeA.Clock.Now = nodeB.Clock.Now = cutoff - TimeSpan.FromMinutes(1);
            await ChecksAt(nodeA.Clock.Now);
            Assert.DoesNotContain(MailFolder.To(nodeA.MailDirectory, "schema00@example.org"), IsDigest);

            // The clock passes Monday 07:00: both nodes' own loops find the week's run, and it is sent once.
            nodeA.Clock.Now = nodeB.Clock.Now = cutoff + TimeSpan.FromSeconds(30);
            var wait = Stopwatch.StartNew();
            while (await nodeA.WithDb(db => db.DigestDeliveries.CountAsync(d => d.Status == DeliveryStatus.Sent)) < 30)
            {
                Assert.True(wait.Elapsed < TimeSpan.FromSeconds(90), "the week's digests were not sent: " + string.Join("; ", states.Select(s => s.Last.Error)));
                await Task.Delay(100);
            }
            await ChecksAt(nodeA.Clock.Now);
        }
        finally
        {
            foreach (var scheduler in schedulers) await scheduler.StopAsync(CancellationToken.None);
        }

        var run = Assert.Single(await nodeA.WithDb(db => db.DigestRuns.AsNoTracking().Where(r => r.Cutoff == cutoff).ToListAsync()));
        Assert.Equal("scheduled:2026-W50", run.ScheduleKey);
        Assert.NotNull(run.CompletedAt);
        for (var i = 0; i < 30; i++)
        {
            var mail = Assert.Single(MailFolder.To(nodeA.MailDirectory, $"schema{i:00}@example.org"), IsDigest);
            Assert.Contains("Rapporten som schemat skickar", mail.TextBody, StringComparison.Ordinal);
        }
        Assert.Equal(30, await nodeA.WithDb(db => db.DigestDeliveries.CountAsync()));
    }
}
