using System.Net;

using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MimeKit;

namespace Lessons.IntegrationTests.Http;

/// <summary>The language a person reads the site in becomes the language of their mails, and the account page changes it.</summary>
public sealed class MailLanguagePagesTests
{
    /// <summary>A browser that chose English with the header's switch.</summary>
    private static async Task<HttpClient> EnglishBrowserAsync(LessonsApp app)
    {
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sprak?to=en&back=/")).StatusCode);
        return client;
    }

    private static string Lang(MimeMessage mail) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!).DocumentElement.GetAttribute("lang")!;

    private static async Task<string?> MemberLanguageAsync(LessonsApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return await db.Members.Where(m => m.Email == email).Select(m => m.PreferredLanguage).SingleOrDefaultAsync();
    }

    /// <summary>Registers and confirms in English, as a reader of the English site does.</summary>
    private static async Task<HttpClient> RegisteredInEnglishAsync(LessonsApp app, string email)
    {
        var client = await EnglishBrowserAsync(app);
        var registered = await client.SubmitAsync("/konto/registrera", "Create account",
            [("DisplayName", "Emma Evans"), ("Email", email), ("Password", Journeys.Password)]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var confirmed = await client.SubmitAsync(app.LinkIn(email, "/konto/bekrafta"), "Confirm", [("Password", Journeys.Password)]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    private static async Task<MimeMessage> PasswordResetAsync(LessonsApp app, string email)
    {
        // Asked from a browser that reads the site in Swedish: the mail follows the member, not the browser.
        var sent = await app.Browser().SubmitAsync("/konto/glomt-losenord", "Skicka länk", [("Email", email)]);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return app.Mail(email)[^1];
    }

    [Fact]
    public async Task Registering_in_english_sends_the_confirmation_in_english_and_the_member_keeps_english()
    {
        await using var app = await LessonsApp.StartAsync();

        await RegisteredInEnglishAsync(app, "emma@example.org");

        var confirmation = app.Mail("emma@example.org")[0];
        Assert.Equal("Confirm your e-mail address on Lessons", confirmation.Subject);
        Assert.Equal("en", Lang(confirmation));
        Assert.StartsWith("Hello Emma Evans!", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", await MemberLanguageAsync(app, "emma@example.org"));

        var reset = await PasswordResetAsync(app, "emma@example.org");
        Assert.Equal("Choose a new password on Lessons", reset.Subject);
        Assert.Equal("en", Lang(reset));
    }

    [Fact]
    public async Task Registering_in_swedish_keeps_every_account_mail_swedish()
    {
        await using var app = await LessonsApp.StartAsync();

        await app.RegisterAndConfirmAsync("sven@example.org");

        Assert.Equal("Bekräfta din e-postadress på Lessons", app.Mail("sven@example.org")[0].Subject);
        Assert.Equal("sv", await MemberLanguageAsync(app, "sven@example.org"));
        var reset = await PasswordResetAsync(app, "sven@example.org");
        Assert.Equal("Välj ett nytt lösenord på Lessons", reset.Subject);
        Assert.Equal("sv", Lang(reset));
    }

    [Fact]
    public async Task Choosing_swedish_on_the_account_page_makes_the_next_mail_swedish()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = await RegisteredInEnglishAsync(app, "emma@example.org");

        var saved = await client.SubmitAsync("/konto", "Save the language", [("Language", "sv")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("sv", await MemberLanguageAsync(app, "emma@example.org"));
        var page = await client.GetPageAsync("/konto");
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=Language][value=sv]")!).IsChecked);
        Assert.Equal("Välj ett nytt lösenord på Lessons", (await PasswordResetAsync(app, "emma@example.org")).Subject);
    }

    [Fact]
    public async Task An_unknown_language_on_the_account_page_answers_400_in_the_error_summary()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = await app.RegisterAndConfirmAsync("sven@example.org");
        await client.SignInAsync("sven@example.org");

        var refused = await client.SubmitAsync("/konto", "Spara språket", [("Language", "de")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlForm.ParseAsync(refused);
        Assert.Contains("Välj svenska eller engelska.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("sv", await MemberLanguageAsync(app, "sven@example.org"));
    }

    [Fact]
    public async Task Subscribing_on_the_english_page_mails_the_confirmation_in_english()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = await EnglishBrowserAsync(app);

        var sent = await client.SubmitAsync("/prenumerera", "Subscribe", [("email", "emma@example.org"), ("principles", "testa-och-lara")]);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var mail = Assert.Single(app.Mail("emma@example.org"));
        Assert.Equal("Confirm your subscription to Lessons", mail.Subject);
        Assert.Equal("en", Lang(mail));
    }

    [Fact]
    public async Task The_link_of_an_english_mail_opens_its_page_in_english_in_a_browser_that_never_chose_a_language()
    {
        await using var app = await LessonsApp.StartAsync();
        await (await EnglishBrowserAsync(app)).SubmitAsync("/prenumerera", "Subscribe", [("email", "emma@example.org"), ("principles", "testa-och-lara")]);

        // The mail is opened on another device: no language cookie, so only the address can ask for English.
        var page = await app.Browser().GetPageAsync(app.LinkIn("emma@example.org", "/prenumerera/bekrafta/"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelectorAll("main button").SingleOrDefault(b => b.TextContent.Trim() == "Confirm"));
    }

    private static async Task<string?> SubscriberLanguageAsync(LessonsApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return await db.Subscribers.Where(s => s.Email == email).Select(s => s.PreferredLanguage).SingleOrDefaultAsync();
    }

    /// <summary>Subscribes and confirms on the Swedish pages, and answers the manage page's address from the
    /// confirmation's answer, where a subscriber without an account finds it.</summary>
    private static async Task<(HttpClient Client, string Manage)> SubscribedInSwedishAsync(LessonsApp app, string email)
    {
        var client = app.Browser();
        await client.SubmitAsync("/prenumerera", "Prenumerera", [("email", email), ("principles", "testa-och-lara")]);
        var confirmed = await client.SubmitAsync(app.LinkIn(email, "/prenumerera/bekrafta/"), "Bekräfta", []);
        var manage = (await HtmlForm.ParseAsync(confirmed)).QuerySelectorAll("main a")
            .Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/prenumerera/hantera/", StringComparison.Ordinal));
        return (client, manage);
    }

    [Fact]
    public async Task A_subscriber_without_an_account_chooses_the_mails_language_on_the_manage_page()
    {
        await using var app = await LessonsApp.StartAsync();
        var (client, manage) = await SubscribedInSwedishAsync(app, "sven@example.org");
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)(await client.GetPageAsync(manage)).QuerySelector("input[name=Language][value=sv]")!).IsChecked);

        var saved = await client.SubmitAsync(manage, "Spara språket", [("Language", "en")]);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var page = await HtmlForm.ParseAsync(saved);
        // Said once, by the layout: the page does not repeat the notice.
        Assert.Contains("Språket för veckobrevet är sparat.", Assert.Single(page.QuerySelectorAll(".notice[role=status]")).TextContent, StringComparison.Ordinal);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=Language][value=en]")!).IsChecked);
        Assert.Equal("en", await SubscriberLanguageAsync(app, "sven@example.org"));
    }

    [Fact]
    public async Task An_unknown_language_on_the_manage_page_answers_400_and_keeps_the_language()
    {
        await using var app = await LessonsApp.StartAsync();
        var (client, manage) = await SubscribedInSwedishAsync(app, "sven@example.org");

        var refused = await client.SubmitAsync(manage, "Spara språket", [("Language", "de")]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await HtmlForm.ParseAsync(refused);
        Assert.Contains("Välj svenska eller engelska.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("sv", await SubscriberLanguageAsync(app, "sven@example.org"));
    }
}
