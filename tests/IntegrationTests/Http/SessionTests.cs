using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>Sessions (issue 8): signing out and changing the password end every session of the account at once.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task Signing_out_ends_a_copied_session_cookie()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("kopia@exempel.se");
        var (client, cookie) = await SignInAsync(app, "kopia@exempel.se");
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, cookie)).StatusCode);

        await client.SubmitAsync("/konto/logga-ut", "main button[type=submit]");

        var copied = await WithCookieAsync(app, cookie);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.StartsWith("/konto/logga-in", copied.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_ends_every_other_session_at_once()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("byter@exempel.se");
        var (_, cookie) = await SignInAsync(app, "byter@exempel.se");
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(app, cookie)).StatusCode);

        var elsewhere = app.Browser();
        await elsewhere.SubmitAsync("/konto/glomt-losenord", "Skicka länk", [("Email", "byter@exempel.se")]);
        await elsewhere.SubmitAsync(app.LinkIn("byter@exempel.se", "/konto/aterstall-losenord"), "Spara lösenordet", [("Password", "ett helt nytt lösenord")]);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(app, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SignInAsync("byter@exempel.se", "ett helt nytt lösenord")).StatusCode);
    }

    [Fact]
    public async Task A_valid_session_stays_signed_in_without_a_new_cookie_on_every_request()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("stannar@exempel.se", "Stina Stannar");
        var (_, cookie) = await SignInAsync(app, "stannar@exempel.se");

        for (var i = 0; i < 3; i++)
        {
            var account = await WithCookieAsync(app, cookie);
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
            Assert.Contains("Stina Stannar", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var cookies = account.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
            Assert.DoesNotContain(cookies, c => c.StartsWith("__Host-lessons=", StringComparison.Ordinal));
        }
    }

    /// <summary>Signs in on a client that keeps its cookies, and returns the session cookie as an attacker would copy it.</summary>
    private static async Task<(HttpClient Client, string Cookie)> SignInAsync(LessonsApp app, string email)
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await client.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", email), ("Password", Journeys.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lessons=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(LessonsApp app, string cookie)
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/konto");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
