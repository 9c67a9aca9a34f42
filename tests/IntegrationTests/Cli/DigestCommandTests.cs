using System.Diagnostics;

using Lessons.Application.Reports.Commands;
using Lessons.Domain.Subscriptions;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.Cli;

/// <summary><c>digest --send-now</c> and <c>digest --preview EMAIL</c> as an operator runs them: the real program, in its own process.</summary>
public sealed class DigestCommandTests
{
    private const string Site = "https://lessons.example.se";

    private sealed record Run(int ExitCode, string Output, string Error);

    private static ProcessStartInfo Program(TestApp app, string mail, IDictionary<string, string>? extra, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(mail)!,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Database__Provider"] = app.Provider;
        start.Environment["ConnectionStrings__Lessons"] = app.ConnectionString;
        start.Environment["DemoContent__Enabled"] = "false";
        start.Environment["Site__PublicUrl"] = Site;
        start.Environment["Email__PickupDirectory"] = mail;
        start.Environment["Search__IndexPath"] = Path.Combine(Path.GetDirectoryName(mail)!, "index");
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    private static async Task<Run> Lessons(TestApp app, string mail, params string[] args) => await Lessons(app, mail, null, args);

    private static async Task<Run> Lessons(TestApp app, string mail, IDictionary<string, string>? extra, params string[] args)
    {
        using var process = Process.Start(Program(app, mail, extra, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>A site on a real clock (the program's), with subscribers confirmed an hour ago.</summary>
    private static async Task<(TestApp App, Lessons.IntegrationTests.Fixtures.Actor Editor)> StartAsync()
    {
        var app = await TestApp.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Site:PublicUrl"] = Site });
        app.Clock.Now = DateTimeOffset.UtcNow - TimeSpan.FromHours(1);
        return (app, await app.Member("Umeå kommun", editor: true));
    }

    /// <summary>Confirmed subscribers made as rows: hundreds of them through the mails would take most of the test.</summary>
    private static Task<int> SubscribersAsync(TestApp app, int count, string principle) => app.WithDb(db =>
    {
        for (var i = 0; i < count; i++)
        {
            var s = new Subscriber(Guid.NewGuid(), $"prenumerant{i:000}@example.org", app.Clock.Now);
            s.Confirm(app.Clock.Now);
            s.AddFollow(Follow.Of(s.Id, FollowKind.Principle, principle, app.Clock.Now));
            db.Subscribers.Add(s);
        }
        return db.SaveChangesAsync();
    });

    private static async Task PublishAsync(TestApp app, Lessons.IntegrationTests.Fixtures.Actor editor, string title, string principle)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title) with { Principles = [principle] }));
        await app.SendAs(editor, new PublishReportCommand(id));
    }

    [Fact]
    public async Task Preview_exits_0_with_the_next_digest_and_3_with_the_reason_there_is_none()
    {
        var (app, editor) = await StartAsync();
        await using var _ = app;
        var mail = TestDatabases.TempDirectory("cli-mail");
        await SubscribersAsync(app, 2, "testa-och-lara");
        await PublishAsync(app, editor, "Rapporten i förhandsvisningen", "testa-och-lara");

        var preview = await Lessons(app, mail, "digest", "--preview", "prenumerant000@example.org");
        Assert.True(preview.ExitCode == 0, preview.Error);
        Assert.Contains("Ämne: Lessons veckobrev: 1 ny erfarenhetsrapport\n", preview.Output, StringComparison.Ordinal);
        Assert.Contains("Rapporten i förhandsvisningen", preview.Output, StringComparison.Ordinal);
        Assert.Empty(MailFolder.To(mail, "prenumerant000@example.org"));

        var unknown = await Lessons(app, mail, "digest", "--preview", "okand@example.org");
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("okänd", unknown.Output, StringComparison.Ordinal);

        var usage = await Lessons(app, mail, "digest");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("--send-now eller --preview", usage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_now_exits_0_sends_each_subscriber_one_digest_and_a_second_run_sends_nothing()
    {
        var (app, editor) = await StartAsync();
        await using var _ = app;
        var mail = TestDatabases.TempDirectory("cli-mail");
        await SubscribersAsync(app, 3, "testa-och-lara");
        await PublishAsync(app, editor, "Rapporten som skickas", "testa-och-lara");

        var first = await Lessons(app, mail, "digest", "--send-now");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("3 sammanställda, 3 skickade, 0 misslyckade, 0 väntar, 0 fastnade i sending", first.Output, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++) Assert.Single(MailFolder.To(mail, $"prenumerant{i:000}@example.org"));

        var second = await Lessons(app, mail, "digest", "--send-now");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("Inget att skicka", second.Output, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++) Assert.Single(MailFolder.To(mail, $"prenumerant{i:000}@example.org"));

        var after = await Lessons(app, mail, "digest", "--preview", "prenumerant000@example.org");
        Assert.Equal(3, after.ExitCode);
        Assert.Contains("inget nytt", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_killed_while_sending_and_run_again_sends_nobody_two_and_reports_the_rows_left_in_sending()
    {
        var (app, editor) = await StartAsync();
        await using var _ = app;
        var mail = TestDatabases.TempDirectory("cli-mail");
        const int count = 400;
        await SubscribersAsync(app, count, "testa-och-lara");
        await PublishAsync(app, editor, "Rapporten i det avbrutna utskicket", "testa-och-lara");
        var settings = new Dictionary<string, string> { ["Digest__LeaseLength"] = "00:00:01" };

        using (var process = Process.Start(Program(app, mail, settings, ["digest", "--send-now"]))!)
        {
            // kill -9 once the first mails are out: Process.Kill is SIGKILL, so nothing is cleaned up.
            while (!process.HasExited && (!Directory.Exists(mail) || Directory.GetFiles(mail, "*.eml").Length < 30))
                await Task.Delay(5);
            Assert.False(process.HasExited, "the run ended before it could be killed");
            process.Kill();
            await process.WaitForExitAsync();
        }
        var killed = await app.WithDb(db => db.DigestDeliveries.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.True(killed.GetValueOrDefault(DeliveryStatus.Composed) > 0, "killed after every mail was sent");
        var stuck = killed.GetValueOrDefault(DeliveryStatus.Sending);
        Assert.InRange(stuck, 0, 20);

        await Task.Delay(TimeSpan.FromSeconds(1.5));     // the dead process's lease expires
        var again = await Lessons(app, mail, settings, "digest", "--send-now");
        Assert.True(again.ExitCode == 0, again.Error);

        var deliveries = await app.WithDb(db => db.Subscribers.Select(s => new
        {
            s.Email,
            Statuses = db.DigestDeliveries.Where(d => d.SubscriberId == s.Id).Select(d => d.Status).ToList(),
        }).ToListAsync());
        Assert.Equal(count, deliveries.Count(d => d.Email.StartsWith("prenumerant", StringComparison.Ordinal)));
        foreach (var d in deliveries.Where(d => d.Email.StartsWith("prenumerant", StringComparison.Ordinal)))
        {
            var status = Assert.Single(d.Statuses);
            var mails = MailFolder.To(mail, d.Email).Count;
            Assert.True(mails <= 1, $"{d.Email} got {mails} digests");
            // Nobody due is missing, except those left in sending: the mail may or may not have gone before the kill.
            if (status == DeliveryStatus.Sent) Assert.Equal(1, mails);
            else Assert.Equal(DeliveryStatus.Sending, status);
        }
        Assert.Equal(stuck, deliveries.SelectMany(d => d.Statuses).Count(s => s == DeliveryStatus.Sending));
        Assert.Contains($"{stuck} fastnade i sending", again.Output, StringComparison.Ordinal);
    }
}
