using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>
/// Pre-account hijacking (issue 8): an address registered by someone else must not become theirs when the owner
/// confirms it. Confirming proves both the mailbox (the link) and the password (typed on the page the link opens).
/// </summary>
public sealed class ConfirmationTests
{
    private const string AttackersPassword = "angriparens eget lösenord";
    private const string OwnersPassword = "ägarens alldeles egna lösenord";

    [Fact]
    public async Task Opening_the_confirmation_link_confirms_nothing_until_its_form_is_sent()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();
        await client.RegisterAsync("skannad@exempel.se");

        // What a mail scanner does: it follows the link and nothing else.
        var opened = await client.GetAsync(app.LinkIn("skannad@exempel.se", "/konto/bekrafta"));

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var signIn = await client.SignInAsync("skannad@exempel.se");
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Contains("bekräfta din e-postadress", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_needs_the_password_chosen_at_registration()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.Browser().RegisterAsync("offer@exempel.se", "Angripare", AttackersPassword);
        var owner = app.Browser();

        var confirm = await owner.ConfirmAsync(app.LinkIn("offer@exempel.se", "/konto/bekrafta"), OwnersPassword);

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        var page = await HtmlForm.ParseAsync(confirm);
        Assert.Contains("lösenordet du valde", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("är bekräftad", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().SignInAsync("offer@exempel.se", AttackersPassword)).StatusCode);
    }

    [Fact]
    public async Task Registering_an_unconfirmed_address_again_replaces_the_pending_password()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.Browser().RegisterAsync("ater@exempel.se", "Angripare", AttackersPassword);
        var owner = app.Browser();

        var registered = await owner.RegisterAsync("ater@exempel.se", "Ägaren", OwnersPassword);
        var confirmed = await owner.ConfirmAsync(app.LinkIn("ater@exempel.se", "/konto/bekrafta"), OwnersPassword);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("är bekräftad", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().SignInAsync("ater@exempel.se", AttackersPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.SignInAsync("ater@exempel.se", OwnersPassword)).StatusCode);
        var account = await owner.GetPageAsync("/konto");
        Assert.Contains("Ägaren", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_of_a_replaced_registration_no_longer_confirms()
    {
        await using var app = await LessonsApp.StartAsync();
        var first = app.Browser();
        await first.RegisterAsync("tva@exempel.se", "Första", AttackersPassword);
        var firstLink = app.LinkIn("tva@exempel.se", "/konto/bekrafta");
        await app.Browser().RegisterAsync("tva@exempel.se", "Andra", OwnersPassword);

        var confirm = await first.ConfirmAsync(firstLink, AttackersPassword);

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await first.SignInAsync("tva@exempel.se", AttackersPassword)).StatusCode);
    }

    [Fact]
    public async Task A_forgotten_password_link_works_for_an_unconfirmed_account_and_confirms_it()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.Browser().RegisterAsync("glomd@exempel.se", "Angripare", AttackersPassword);
        var owner = app.Browser();

        await owner.SubmitAsync("/konto/glomt-losenord", "Skicka länk", [("Email", "glomd@exempel.se")]);
        var reset = await owner.SubmitAsync(app.LinkIn("glomd@exempel.se", "/konto/aterstall-losenord"), "Spara lösenordet",
            [("Password", OwnersPassword)]);

        Assert.Contains("Lösenordet är bytt", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Browser().SignInAsync("glomd@exempel.se", AttackersPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.SignInAsync("glomd@exempel.se", OwnersPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/konto")).StatusCode);
    }
}
