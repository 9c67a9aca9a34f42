using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Lessons.IntegrationTests.Fixtures;

using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Lessons.IntegrationTests.Http;

/// <summary>The README's first command, and the public address that every absolute link comes from.</summary>
public sealed class FirstRunTests
{
    [Fact]
    public async Task The_readme_first_command_serves_a_site_where_a_newcomer_registers_confirms_signs_in_and_may_write_over_plain_http()
    {
        await using var site = await SiteProcess.DotnetRunAsync();
        var client = site.Browser();
        // The demo's invented municipality has registered this domain, so a newcomer joins it at once.
        const string email = "ny.anvandare@exempelby.se";

        var registered = await client.RegisterAsync(email, "Ny Användare");
        Assert.True(registered.StatusCode == HttpStatusCode.OK, site.Log);

        var link = MailFolder.LinkIn(site.MailDirectory, email, "/konto/bekrafta");
        Assert.Equal(site.Address.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, (await client.ConfirmAsync(link.PathAndQuery)).StatusCode);

        var signedIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var account = (await client.GetPageAsync("/konto")).QuerySelector("main")!.TextContent;
        Assert.Contains("Ny Användare", account, StringComparison.Ordinal);
        Assert.Contains("Exempelby kommun", account, StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync("/rapporter/ny")).QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Spara utkast"));
    }

    [Fact]
    public async Task Outside_development_the_site_refuses_to_start_without_a_public_address_and_says_why()
    {
        var (exitCode, error) = await SiteProcess.RefusalAsync(new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Site:PublicUrl saknas", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lessons.example.se", "ska vara en absolut http- eller https-adress")]
    [InlineData("https://lessons.example.se/?x=1", "ska vara en absolut http- eller https-adress")]
    [InlineData("http://lessons.example.se", "ska börja med https://")]
    public async Task A_public_address_that_is_not_an_absolute_https_address_is_refused(string address, string message)
    {
        var (exitCode, error) = await SiteProcess.RefusalAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Site:PublicUrl"] = address,
        });

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_in_mail_and_in_the_api_come_from_the_public_address_whatever_the_Host_header_says()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?>
        {
            ["Site:PublicUrl"] = "https://lessons.example.se", ["AllowedHosts"] = "*", ["DemoContent:Enabled"] = "true",
        });
        // Every request of this client claims to be for attacker.example.
        var client = app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), new ForgedHost("attacker.example"));

        var registered = await client.SubmitAsync("/konto/registrera", "Skapa konto",
            [("DisplayName", "Offer"), ("Email", "offer@exempel.se"), ("Password", Journeys.Password)]);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        Assert.StartsWith("https://lessons.example.se/konto/bekrafta?", MailFolder.LinkIn(app.MailDirectory, "offer@exempel.se", "/konto/bekrafta").ToString(), StringComparison.Ordinal);
        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports");
        // The demo reports reach this node's index from the outbox shortly after start.
        for (var i = 0; i < 100 && json.GetProperty("total").GetInt32() == 0; i++)
        {
            await Task.Delay(100);
            json = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports");
        }
        Assert.All(json.GetProperty("items").EnumerateArray(), item =>
            Assert.StartsWith("https://lessons.example.se/rapporter/", item.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.NotEqual(0, json.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Outside_development_a_request_for_another_host_name_than_the_public_one_is_refused()
    {
        // AllowedHosts left empty: the site answers to the host of Site:PublicUrl (https://localhost) only.
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["AllowedHosts"] = "" });
        var client = app.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private sealed class ForgedHost(string host) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = host;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
