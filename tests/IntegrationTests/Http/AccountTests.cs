using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

public sealed class AccountTests
{
    [Fact]
    public async Task Registering_sends_a_confirmation_mail_whose_link_activates_the_account()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = await app.RegisterAndConfirmAsync("åsa.öberg@exempel.se", "Åsa Öberg");

        var mail = Assert.Single(app.Mail("åsa.öberg@exempel.se"));
        Assert.Equal("Bekräfta din e-postadress på Lessons", mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        var signedIn = await client.SignInAsync("åsa.öberg@exempel.se");
        Assert.Contains("Mitt konto", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var account = await client.GetPageAsync("/konto");
        Assert.Contains("Åsa Öberg", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_and_http_only()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("kaka@exempel.se");
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var signIn = await client.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", "kaka@exempel.se"), ("Password", Journeys.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lessons=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_a_Swedish_message_beside_the_field()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await app.Browser().SubmitAsync("/konto/registrera", "Skapa konto",
            [("DisplayName", "Kort"), ("Email", "kort@exempel.se"), ("Password", "kort")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("minst 8 tecken", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Password", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Empty(app.Mail("kort@exempel.se"));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_reveals_nothing_on_the_page()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("finns@exempel.se");
        var again = await app.Browser().SubmitAsync("/konto/registrera", "Skapa konto",
            [("DisplayName", "Någon annan"), ("Email", "finns@exempel.se"), ("Password", "ett annat långt lösenord")]);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Vi har skickat ett e-postmeddelande", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Du har redan ett konto på Lessons", app.Mail("finns@exempel.se")[^1].Subject);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_for_a_minute()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = app.Browser();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) responses.Add(await client.SignInAsync("ingen@exempel.se", "gissning"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests],
            responses.Select(r => r.StatusCode));
        Assert.Contains("Vänta en minut", await responses[3].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.InRange(responses[3].Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_mailed_link()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = await app.RegisterAndConfirmAsync("glomsk@exempel.se");
        await client.SubmitAsync("/konto/glomt-losenord", "Skicka länk", [("Email", "glomsk@exempel.se")]);

        var link = app.LinkIn("glomsk@exempel.se", "/konto/aterstall-losenord");
        var reset = await client.SubmitAsync(link, "Spara lösenordet", [("Password", "ett helt nytt lösenord")]);
        Assert.Contains("Lösenordet är bytt", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SignInAsync("glomsk@exempel.se")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("glomsk@exempel.se", "ett helt nytt lösenord")).StatusCode);
    }
}
