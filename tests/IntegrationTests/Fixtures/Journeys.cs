using System.Net;

using Lessons.Web.Cli;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>Steps many HTTP tests share, each through the real pages.</summary>
public static class Journeys
{
    public const string Password = "en lång lösenfras på svenska";

    /// <summary>Registers through the form, opens the confirmation link in the e-mail and confirms on that page with the password.</summary>
    public static async Task<HttpClient> RegisterAndConfirmAsync(this LessonsApp app, string email, string name = "Anna Andersson")
    {
        var client = app.Browser();
        var registered = await client.RegisterAsync(email, name);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var confirmed = await client.ConfirmAsync(app.LinkIn(email, "/konto/bekrafta"));
        Assert.Contains("är bekräftad", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string name = "Anna Andersson", string password = Password) =>
        await client.SubmitAsync("/konto/registrera", "Skapa konto", [("DisplayName", name), ("Email", email), ("Password", password)]);

    /// <summary>Opens a confirmation link and sends the page's form with the password chosen at registration.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this HttpClient client, string link, string password = Password) =>
        await client.SubmitAsync(link, "Bekräfta", [("Password", password)]);

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        await client.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", email), ("Password", password)]);

    /// <summary>An administrator made with the create-admin verb, signed in through the form.</summary>
    public static async Task<HttpClient> AdminAsync(this LessonsApp app, string email = "admin@lessons.test")
    {
        var password = await app.CreateAdminAsync(email);
        var client = app.Browser();
        var signedIn = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return client;
    }

    /// <summary>Makes an administrator with the create-admin verb and returns the password it printed.</summary>
    public static async Task<string> CreateAdminAsync(this LessonsApp app, string email = "admin@lessons.test")
    {
        var output = new StringWriter();
        Assert.Equal(0, await CommandLine.RunAsync(["create-admin", email], () => Task.FromResult(app.Services), output, new StringWriter()));
        return output.ToString().Split("lösenord: ")[1].Split('\n')[0].Trim();
    }

    public static async Task<string> OrganisationPathAsync(this HttpClient client, string name)
    {
        var page = await client.GetPageAsync("/organisationer?namn=" + Uri.EscapeDataString(name));
        return page.QuerySelectorAll("main li a").First(a => a.TextContent.Trim() == name).GetAttribute("href")!;
    }
}
