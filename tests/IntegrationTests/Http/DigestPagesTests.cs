using System.Net;

using AngleSharp.Html.Dom;

using Lessons.Application.Subscriptions;
using Lessons.Domain.Subscriptions;
using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;
using Lessons.IntegrationTests.UseCases;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.Http;

/// <summary>The administrators' digest page (/moderering/utskick) and a member's follows (/konto/bevakningar), through the real forms.</summary>
public sealed class DigestPagesTests
{
    private static async Task<T> InDb<T>(LessonsApp app, Func<LessonsDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LessonsDbContext>());
    }

    [Fact]
    public async Task The_digest_page_is_for_administrators_only_and_linked_from_their_account_page()
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("medlem@example.org");
        await member.SignInAsync("medlem@example.org");
        var admin = await app.AdminAsync();

        var forMember = await member.GetAsync("/moderering/utskick");
        var forNobody = await app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }).GetAsync("/moderering/utskick");
        var forAdmin = await admin.GetAsync("/moderering/utskick");

        Assert.Equal(HttpStatusCode.Forbidden, forMember.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, forNobody.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.DoesNotContain("/moderering/utskick", await (await member.GetAsync("/konto")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var account = await admin.GetPageAsync("/konto");
        Assert.Contains(account.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/moderering/utskick");
    }

    [Fact]
    public async Task An_administrator_sees_the_runs_previews_a_subscribers_next_digest_sends_a_test_and_resends_a_stuck_mail_after_confirming()
    {
        // The runs, the mails and the crash are made by the use cases on a moved clock; the site then opens the same database.
        await using var arrange = await TestApp.StartAsync(TestDatabases.Sqlite, new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://localhost" });
        var editor = await arrange.Member("Umeå kommun", editor: true);
        var stuck = await DigestAdminTests.SubscribedAsync(arrange, "fastnade@example.org", new FollowChoice { Principles = ["testa-och-lara"] });
        await DigestAdminTests.PublishedAsync(arrange, editor, "Rapporten som fastnade", "testa-och-lara");
        await DigestAdminTests.SendNowAsync(arrange);
        await DigestAdminTests.LeftInSendingAsync(arrange, stuck);
        await DigestAdminTests.SubscribedAsync(arrange, "nasta@example.org", new FollowChoice { Principles = ["sprida-lardomar"] });
        await DigestAdminTests.PublishedAsync(arrange, editor, "Rapporten i nästa brev", "sprida-lardomar");
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lessons"] = arrange.ConnectionString,
            ["Digest:Enabled"] = "false",
        });
        var admin = await app.AdminAsync();

        var page = await admin.GetPageAsync("/moderering/utskick");
        var cells = page.QuerySelectorAll("#runs tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Manuell", cells[2]);
        Assert.Equal(["1", "0", "0", "0", "1"], cells[5..]);
        Assert.Contains("fastnade@example.org", page.QuerySelector("#stuck")!.TextContent, StringComparison.Ordinal);

        var preview = await admin.GetPageAsync("/moderering/utskick?epost=nasta@example.org");
        Assert.Equal("Lessons veckobrev: 1 ny erfarenhetsrapport", preview.QuerySelector("#preview-subject")!.TextContent);
        var frame = (IHtmlInlineFrameElement)preview.QuerySelector("iframe#preview-html")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("Rapporten i nästa brev", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Contains("Rapporten i nästa brev", preview.QuerySelector("#preview-text")!.TextContent, StringComparison.Ordinal);

        var tested = await admin.SubmitAsync(preview, "/moderering/utskick?epost=nasta@example.org", "Skicka ett test till mig");
        Assert.Equal(HttpStatusCode.OK, tested.StatusCode);
        Assert.Contains("admin@lessons.test", (await HtmlForm.ParseAsync(tested)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("[Test] Lessons veckobrev: 1 ny erfarenhetsrapport", Assert.Single(app.Mail("admin@lessons.test"), m => m.Subject!.StartsWith("[Test]", StringComparison.Ordinal)).Subject);
        Assert.Empty(app.Mail("nasta@example.org"));

        var resend = page.QuerySelectorAll("#stuck a").Single(a => a.TextContent.StartsWith("Skicka igen", StringComparison.Ordinal)).GetAttribute("href")!;
        var confirm = await admin.GetPageAsync(resend);
        Assert.Contains("fastnade@example.org", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(app.Mail("fastnade@example.org"));
        var resent = await admin.SubmitAsync(confirm, resend, "Skicka igen");

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var after = await HtmlForm.ParseAsync(resent);
        Assert.Equal("Brevet är skickat igen.", after.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Inga brev har fastnat.", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mail("fastnade@example.org"));
        Assert.Contains("Rapporten som fastnade", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_saves_follows_on_the_account_page_and_is_subscribed_at_once_linked_to_the_account()
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("bevakar@example.org");
        await member.SignInAsync("bevakar@example.org");
        var account = await member.GetPageAsync("/konto");
        var link = account.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Mina bevakningar").GetAttribute("href")!;

        var saved = await member.SubmitAsync(link, "Spara bevakningar", [("principles", "testa-och-lara"), ("challenges", "finansiering")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await HtmlForm.ParseAsync(saved);
        Assert.Equal("Du prenumererar på veckobrevet.", page.QuerySelector("#subscription-status")!.TextContent.Trim());
        Assert.True(((IHtmlInputElement)page.QuerySelector("input[name=challenges][value=finansiering]")!).IsChecked);
        var memberId = await InDb(app, db => db.Members.Where(m => m.Email == "bevakar@example.org").Select(m => m.Id).SingleAsync());
        var subscriber = await InDb(app, db => db.Subscribers.AsNoTracking().Include(s => s.Follows).SingleAsync(s => s.Email == "bevakar@example.org"));
        Assert.Equal(memberId, subscriber.MemberId);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber.Status);
        Assert.Equal(2, subscriber.Follows.Count);
        Assert.DoesNotContain(app.Mail("bevakar@example.org"), m => m.Subject == "Bekräfta din prenumeration på Lessons");

        // Unticking a box sends no value for it; an empty value, as a hand-made request may send, is no choice either.
        var unticked = await member.SubmitAsync(link, "Spara bevakningar", [("principles", "testa-och-lara"), ("challenges", "")]);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Equal(["testa-och-lara"], await InDb(app, db => db.Follows.Where(f => f.SubscriberId == subscriber.Id).Select(f => f.Key).ToListAsync()));

        var nobody = await app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }).GetAsync(link);
        Assert.NotEqual(HttpStatusCode.OK, nobody.StatusCode);
    }
}
