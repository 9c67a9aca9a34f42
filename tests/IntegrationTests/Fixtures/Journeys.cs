using System.Net;

using Lessons.Web.Cli;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>Steps many HTTP tests share, each through the real pages.</summary>
public static class Journeys
{
    public const string Password = "en lång lösenfras på svenska";

    /// <summary>Registers through the form and follows the confirmation link in the e-mail.</summary>
    public static async Task<HttpClient> RegisterAndConfirmAsync(this LessonsApp app, string email, string name = "Anna Andersson")
    {
        var client = app.Browser();
        var registered = await client.SubmitAsync("/konto/registrera", "Skapa konto",
            [("DisplayName", name), ("Email", email), ("Password", Password)]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var confirmed = await client.GetAsync(app.LinkIn(email, "/konto/bekrafta"));
        Assert.Contains("är bekräftad", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        await client.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", email), ("Password", password)]);

    /// <summary>An administrator made with the create-admin verb, signed in through the form.</summary>
    public static async Task<HttpClient> AdminAsync(this LessonsApp app, string email = "admin@lessons.test")
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["create-admin", email], () => Task.FromResult(app.Services), output, new StringWriter()));
        var password = output.ToString().Split("lösenord: ")[1].Split('\n')[0].Trim();
        var client = app.Browser();
        var signedIn = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return client;
    }

    public static async Task<string> OrganisationPathAsync(this HttpClient client, string name)
    {
        var page = await client.GetPageAsync("/organisationer?namn=" + Uri.EscapeDataString(name));
        return page.QuerySelectorAll("main li a").First(a => a.TextContent.Trim() == name).GetAttribute("href")!;
    }
}
