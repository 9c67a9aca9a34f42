using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>
/// Enumeration and guessing (issue 8): the sign-in and registration forms answer the same whatever the address, and
/// failed guesses slow the guesser down without locking the owner out.
/// </summary>
public sealed class SignInTests
{
    private const string Generic = "Fel e-postadress eller lösenord.";

    [Fact]
    public async Task Signing_in_answers_the_same_for_an_unknown_address_an_unconfirmed_account_and_a_wrong_password()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.Browser().RegisterAsync("obekraftad@exempel.se");
        await app.RegisterAndConfirmAsync("bekraftad@exempel.se");
        var client = app.Browser();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { "okand@exempel.se", "obekraftad@exempel.se", "bekraftad@exempel.se" })
        {
            var response = await client.SignInAsync(email, "fel lösenord");
            var page = await HtmlForm.ParseAsync(response);
            answers.Add((response.StatusCode, page.QuerySelector(".error-summary")!.TextContent.Trim()));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.BadRequest, answers[0].Item1);
        Assert.Contains(Generic, answers[0].Item2, StringComparison.Ordinal);
        Assert.Single(app.Mail("obekraftad@exempel.se"));
    }

    [Fact]
    public async Task An_unconfirmed_account_is_told_to_confirm_only_after_the_right_password_and_gets_a_new_link()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();
        await client.RegisterAsync("snart@exempel.se");

        var response = await client.SignInAsync("snart@exempel.se");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bekräfta din e-postadress", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, app.Mail("snart@exempel.se").Count);
    }

    [Fact]
    public async Task Registering_with_a_weak_password_answers_the_same_for_an_existing_address_and_a_new_one()
    {
        await using var app = await LessonsApp.StartAsync();
        await app.RegisterAndConfirmAsync("finns@exempel.se");
        var client = app.Browser();

        var existing = await client.RegisterAsync("finns@exempel.se", "Någon", "kort");
        var fresh = await client.RegisterAsync("ny@exempel.se", "Någon", "kort");

        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        Assert.Equal(fresh.StatusCode, existing.StatusCode);
        var summary = (await HtmlForm.ParseAsync(existing)).QuerySelector(".error-summary")!.TextContent;
        Assert.Equal((await HtmlForm.ParseAsync(fresh)).QuerySelector(".error-summary")!.TextContent, summary);
        Assert.Single(app.Mail("finns@exempel.se"));
    }

    [Fact]
    public async Task Five_failed_sign_ins_hold_off_the_account_with_the_same_answer_and_mail_the_owner_once()
    {
        await using var app = await LessonsApp.StartAsync();
        var owner = await app.RegisterAndConfirmAsync("mal@exempel.se");
        var attacker = app.Browser();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.SignInAsync("mal@exempel.se", "gissning " + i)).StatusCode);
        Assert.Equal(2, app.Mail("mal@exempel.se").Count);

        var right = await owner.SignInAsync("mal@exempel.se");
        await attacker.SignInAsync("mal@exempel.se", "ännu en gissning");

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        var text = (await HtmlForm.ParseAsync(right)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains(Generic, text, StringComparison.Ordinal);
        Assert.DoesNotContain("låst", text, StringComparison.Ordinal);
        var mails = app.Mail("mal@exempel.se");
        Assert.Equal(2, mails.Count);
        Assert.Equal("Någon försöker logga in på ditt konto på Lessons", mails[^1].Subject);
        Assert.Contains("/konto/glomt-losenord", mails[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_off_owner_gets_in_at_once_through_a_forgotten_password_link()
    {
        await using var app = await LessonsApp.StartAsync();
        var owner = await app.RegisterAndConfirmAsync("ute@exempel.se");
        var attacker = app.Browser();
        for (var i = 0; i < 6; i++) await attacker.SignInAsync("ute@exempel.se", "gissning " + i);

        await owner.SubmitAsync("/konto/glomt-losenord", "Skicka länk", [("Email", "ute@exempel.se")]);
        await owner.SubmitAsync(app.LinkIn("ute@exempel.se", "/konto/aterstall-losenord"), "Spara lösenordet", [("Password", "ett nytt långt lösenord")]);
        var signIn = await owner.SignInAsync("ute@exempel.se", "ett nytt långt lösenord");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Mitt konto", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
