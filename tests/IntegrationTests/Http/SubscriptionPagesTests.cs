using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

using AngleSharp.Html.Dom;

using Lessons.Domain.Subscriptions;
using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.Http;

/// <summary>/prenumerera, its confirmation, manage and unsubscribe pages, and POST /api/v1/subscriptions.</summary>
public sealed class SubscriptionPagesTests
{
    private static async Task<SubscriberStatus?> StatusOf(LessonsApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return await db.Subscribers.Where(s => s.Email == email).Select(s => (SubscriberStatus?)s.Status).SingleOrDefaultAsync();
    }

    private static async Task<int> FollowCount(LessonsApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return await db.Follows.CountAsync(f => db.Subscribers.Any(s => s.Id == f.SubscriberId && s.Email == email));
    }

    /// <summary>Subscribes on the page, confirms with the mail's link, and returns the manage page's address.</summary>
    private static async Task<string> SubscribedAsync(LessonsApp app, string email, params (string Name, string Value)[] follows)
    {
        var client = app.Browser();
        var sent = await client.SubmitAsync("/prenumerera", "Prenumerera", [("email", email), .. follows]);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var link = app.LinkIn(email, "/prenumerera/bekrafta/");
        var confirmed = await HtmlForm.ParseAsync(await client.SubmitAsync(link, "Bekräfta"));
        return confirmed.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/prenumerera/hantera/", StringComparison.Ordinal));
    }

    private static string UnsubscribeAddress(string manage) => manage.Replace("/hantera/", "/avsluta/", StringComparison.Ordinal);

    /// <summary>A mail client's one-click request: no cookies, no antiforgery token.</summary>
    private static HttpClient MailClient(LessonsApp app) => app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });

    [Fact]
    public async Task The_confirmation_link_confirms_nothing_until_the_button_on_its_page_is_pressed()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();

        var sent = await client.SubmitAsync("/prenumerera", "Prenumerera", [("email", "ida@example.org"), ("principles", "testa-och-lara")]);

        Assert.Contains("Prenumerationen börjar när du har bekräftat", (await HtmlForm.ParseAsync(sent)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mail("ida@example.org"));
        Assert.NotNull(mail.HtmlBody);
        var link = app.LinkIn("ida@example.org", "/prenumerera/bekrafta/");

        var opened = await client.GetAsync(link);
        var again = await MailClient(app).GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, await StatusOf(app, "ida@example.org"));

        await client.SubmitAsync(link, "Bekräfta");

        Assert.Equal(SubscriberStatus.Confirmed, await StatusOf(app, "ida@example.org"));
    }

    [Fact]
    public async Task A_one_click_post_without_cookies_token_or_body_unsubscribes_at_once()
    {
        await using var app = await LessonsApp.StartAsync();
        var manage = await SubscribedAsync(app, "jan@example.org", ("principles", "testa-och-lara"));

        var response = await MailClient(app).PostAsync(UnsubscribeAddress(manage), content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusOf(app, "jan@example.org"));
    }

    [Fact]
    public async Task A_one_click_post_with_the_RFC_8058_body_unsubscribes_at_once()
    {
        await using var app = await LessonsApp.StartAsync();
        var manage = await SubscribedAsync(app, "kim@example.org", ("principles", "testa-och-lara"));

        var response = await MailClient(app).PostAsync(UnsubscribeAddress(manage),
            new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, await StatusOf(app, "kim@example.org"));
    }

    [Fact]
    public async Task A_get_of_the_unsubscribe_link_changes_nothing_and_offers_this_follow_or_everything()
    {
        await using var app = await LessonsApp.StartAsync();
        var manage = await SubscribedAsync(app, "lo@example.org", ("principles", "testa-och-lara"), ("challenges", "finansiering"));
        var client = app.Browser();
        var managePage = await client.GetPageAsync(manage);
        Assert.True(((IHtmlInputElement)managePage.QuerySelector("input[name=challenges][value=finansiering]")!).IsChecked);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
            var follow = await db.Follows.SingleAsync(f => f.Key == "finansiering" && db.Subscribers.Any(s => s.Id == f.SubscriberId && s.Email == "lo@example.org"));
            var address = UnsubscribeAddress(manage) + "?bevakning=" + follow.Id;
            var page = await MailClient(app).GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await HtmlForm.ParseAsync(page);
            Assert.NotNull(html.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Sluta bevaka Finansiering (kortsiktiga projektmedel)"));
            Assert.NotNull(html.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Avsluta allt"));
            Assert.Equal(SubscriberStatus.Confirmed, await StatusOf(app, "lo@example.org"));
            Assert.Equal(2, await FollowCount(app, "lo@example.org"));

            await client.SubmitAsync(address, "Sluta bevaka Finansiering (kortsiktiga projektmedel)");
        }

        Assert.Equal(1, await FollowCount(app, "lo@example.org"));
        Assert.Equal(SubscriberStatus.Confirmed, await StatusOf(app, "lo@example.org"));
    }

    [Fact]
    public async Task A_forged_unsubscribe_token_is_refused_and_changes_nothing()
    {
        await using var app = await LessonsApp.StartAsync();
        var manage = await SubscribedAsync(app, "mo@example.org", ("principles", "testa-och-lara"));
        var address = UnsubscribeAddress(manage);
        var forged = address[..^4] + (address[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var post = await MailClient(app).PostAsync(forged, content: null);
        var get = await MailClient(app).GetAsync(forged.Replace("/avsluta/", "/hantera/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, await StatusOf(app, "mo@example.org"));
    }

    [Fact]
    public async Task Subscribing_through_the_API_answers_202_and_mails_the_confirmation()
    {
        await using var app = await LessonsApp.StartAsync();

        var response = await app.Browser().PostAsJsonAsync("/api/v1/subscriptions", new
        {
            email = "nils@example.org",
            follows = new { principles = new[] { "testa-och-lara" }, challenges = Array.Empty<string>(), organisations = Array.Empty<string>(), organisationTypes = new[] { "region" }, queries = new[] { "q=upphandling&outcome=misslyckades" } },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Bekräfta din prenumeration på Lessons", Assert.Single(app.Mail("nils@example.org")).Subject);
        Assert.StartsWith("/prenumerera/bekrafta/", app.LinkIn("nils@example.org", "/prenumerera/bekrafta/"), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, await StatusOf(app, "nils@example.org"));
        Assert.Equal(3, await FollowCount(app, "nils@example.org"));
    }

    [Theory]
    [InlineData("""{ "email": "olle@example.org", "follows": { "principles": ["inte-en-princip"] } }""", "follows.principles")]
    [InlineData("""{ "email": "inte en adress", "follows": { "principles": ["testa-och-lara"] } }""", "email")]
    [InlineData("""{ "email": "olle@example.org", "follows": { "principles": 5 } }""", "follows.principles")]
    [InlineData("""{ "email": "olle@example.org", "follows": { } }""", "follows")]
    [InlineData("""{ "email": "olle@example.org", "follows": { "organisations": ["00000000-0000-0000-0000-000000000001"] } }""", "follows.organisations")]
    public async Task Bad_API_input_answers_400_naming_the_field(string body, string field)
    {
        await using var app = await LessonsApp.StartAsync();

        var response = await app.Browser().PostAsync("/api/v1/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Empty(app.Mail("olle@example.org"));
    }

    [Fact]
    public async Task Watch_this_search_leads_to_subscribing_with_the_search_ticked()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();
        var search = await client.GetPageAsync("/sok?q=upphandling&outcome=misslyckades&sort=newest");

        var watch = search.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Bevaka den här sökningen").GetAttribute("href")!;
        var page = await client.GetPageAsync(watch);

        var box = (IHtmlInputElement)page.QuerySelector("input[name=queries]")!;
        Assert.Equal("q=upphandling&outcome=misslyckades", box.Value);
        Assert.True(box.IsChecked);
    }

    [Fact]
    public async Task Follow_on_an_organisation_page_leads_to_subscribing_with_the_organisation_ticked()
    {
        await using var app = await LessonsApp.StartAsync();
        Guid lund;
        await using (var scope = app.Services.CreateAsyncScope())
            lund = await scope.ServiceProvider.GetRequiredService<LessonsDbContext>().Organisations.Where(o => o.Name == "Lunds kommun").Select(o => o.Id).SingleAsync();
        var client = app.Browser();
        var organisation = await client.GetPageAsync($"/organisationer/{lund}");

        var follow = organisation.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Följ Lunds kommun").GetAttribute("href")!;
        await client.SubmitAsync(follow, "Prenumerera", [("email", "pia@example.org")]);

        Assert.Equal(1, await FollowCount(app, "pia@example.org"));
        Assert.Contains("Lunds kommun", (await client.GetPageAsync(follow)).QuerySelector("#follows_organisations")!.TextContent, StringComparison.Ordinal);
    }
}
