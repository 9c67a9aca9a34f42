using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>/om, /om/personuppgifter and the accessibility statement with its feedback form.</summary>
public sealed class AboutPagesTests
{
    private const string Contact = "tillganglighet@exempelby.se";

    private static Task<LessonsApp> Site(string feedbackPerHour = "100") => LessonsApp.StartAsync(extra: new Dictionary<string, string?>
    {
        ["Site:ContactEmail"] = Contact,
        ["Site:Operator"] = "Exempelförvaltningen",
        ["RateLimits:FeedbackPerHour"] = feedbackPerHour,
    });

    [Fact]
    public async Task Accessibility_feedback_is_mailed_to_the_sites_contact_with_the_senders_address_to_reply_to()
    {
        await using var app = await Site();
        var client = app.Browser();

        var sent = await client.SubmitAsync("/om/tillganglighet", "Skicka",
            [("Message", "Diagrammen går inte att läsa med min skärmläsare <b>alls</b>."), ("Page", "/insikter"), ("Name", "Kim"), ("Email", "kim@exempel.se")]);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Tack! Ditt meddelande är skickat till Exempelförvaltningen.", (await HtmlForm.ParseAsync(sent)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mail(Contact));
        Assert.Equal("Återkoppling om tillgänglighet på Lessons", mail.Subject);
        Assert.Contains("Diagrammen går inte att läsa med min skärmläsare <b>alls</b>.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sida: /insikter", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;alls&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("kim@exempel.se", Assert.Single(mail.ReplyTo.Mailboxes).Address);
    }

    [Fact]
    public async Task Feedback_without_a_message_or_with_a_bad_address_is_refused_in_the_error_summary_and_nothing_is_sent()
    {
        await using var app = await Site();

        var refused = await app.Browser().SubmitAsync("/om/tillganglighet", "Skicka", [("Message", "  "), ("Email", "kim@exempel.se\r\nBcc: alla@exempel.se")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlForm.ParseAsync(refused);
        var summary = page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("#Message", "Beskriv vad som inte fungerade."), summary);
        Assert.Contains(("#Email", "Ogiltig e-postadress."), summary);
        Assert.NotNull(page.QuerySelector("#Message"));
        Assert.NotNull(page.QuerySelector("#Email"));
        Assert.Empty(app.Mail(Contact));
    }

    [Fact]
    public async Task Feedback_is_limited_to_a_few_messages_an_hour_from_one_address_and_the_refusal_says_to_wait_a_while()
    {
        await using var app = await Site(feedbackPerHour: "2");
        var client = app.Browser();
        var page = await client.GetPageAsync("/om/tillganglighet");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            responses.Add(await client.SubmitAsync(page, "/om/tillganglighet", "Skicka", [("Message", $"Fel nummer {i}")]));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.Equal(2, app.Mail(Contact).Count);
        // The window is an hour, so "a minute" would send the visitor back to be refused again.
        var refused = responses[2];
        Assert.Contains("Vänta en stund", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task The_about_pages_name_the_configured_operator_and_contact_and_every_page_links_to_them()
    {
        await using var app = await Site();
        var client = app.Browser();

        foreach (var path in new[] { "/om", "/om/personuppgifter", "/om/tillganglighet" })
        {
            var page = await client.GetPageAsync(path);
            Assert.Contains("Exempelförvaltningen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"mailto:{Contact}", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
            var footer = page.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
            foreach (var link in new[] { "/om", "/om/personuppgifter", "/om/tillganglighet", "/insikter", "/api" }) Assert.Contains(link, footer);
        }
        var statement = await client.GetPageAsync("/om/tillganglighet");
        Assert.Contains("https://www.digg.se/tdosanmalan", statement.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2026-12-02", statement.QuerySelector(".statement-facts time")!.GetAttribute("datetime"));
        Assert.Contains("delvis förenlig", statement.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
