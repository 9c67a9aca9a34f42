using Lessons.Application.Digests.Commands;
using Lessons.IntegrationTests.Fixtures;

using Mediator;

using Microsoft.Extensions.DependencyInjection;

using MimeKit;

using OpenQA.Selenium;

namespace Lessons.IntegrationTests.Browser;

/// <summary>
/// Three people's journeys end to end in Chromium, on the site served by Kestrel, with the site's e-mail going
/// through a real SMTP server (aiosmtpd) whose messages the person opens: the public servant who writes a report,
/// the decision maker who finds and prints one on a phone, and the subscriber who gets the weekly digest.
/// </summary>
public sealed class JourneyTests
{
    private const string Author = "sam.svensson@exempel.org";
    private const string Editor = "rut.redaktor@umea.se";

    /// <summary>The first link to this site in the newest message to <paramref name="to"/>, as a path, waiting for
    /// the message to arrive (the site sends in the background).</summary>
    private static async Task<(MimeMessage Mail, string Path)> MailedLinkAsync(SmtpServer smtp, string to, string pathStart, int count = 1)
    {
        for (var attempt = 0; ; attempt++)
        {
            var mails = smtp.MessagesTo(to);
            if (mails.Count >= count)
            {
                var mail = mails[^1];
                var link = System.Text.RegularExpressions.Regex.Matches(mail.TextBody ?? "", @"https?://[^\s]+")
                    .Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal));
                if (link is not null) return (mail, link.PathAndQuery);
            }
            if (attempt == 100) throw new InvalidOperationException($"No mail to {to} with a link to {pathStart}: {mails.Count} mails");
            await Task.Delay(100);
        }
    }

    private static async Task<MimeMessage> MailAsync(SmtpServer smtp, string to, Func<MimeMessage, bool> which)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (smtp.MessagesTo(to).FirstOrDefault(which) is { } mail) return mail;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No such mail to {to}: {string.Join(" | ", smtp.MessagesTo(to).Select(m => m.Subject))}");
    }

    private static void Press(Chromium browser, string text) =>
        browser.FindAll("main button[type=submit]:not([aria-hidden=true])").First(b => b.Text.Trim() == text).Click();

    private static IWebElement Status(Chromium browser, string what) =>
        browser.WaitFor(d => d.FindElements(By.CssSelector("main [role=status]")).FirstOrDefault(e => e.Text.Length > 0), what);

    [Fact]
    public async Task A_public_servant_registers_joins_writes_previews_and_submits_and_an_editor_returns_it_with_a_comment_then_publishes_it()
    {
        Requires.Smtp();
        await using var smtp = await SmtpServer.StartAsync();
        // Umeå kommun has an editor (made through the pages by an administrator) before the journey starts.
        await using var setup = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var admin = await setup.AdminAsync();
        var umea = await admin.OrganisationPathAsync("Umeå kommun");
        await admin.SubmitAsync(umea, "Lägg till", [("Domain", "umea.se")]);
        await setup.RegisterAndConfirmAsync(Editor, "Rut Redaktör");
        await admin.SubmitAsync(umea, "Gör till redaktör");
        await using var site = await LessonsApp.ServeAsync(extra: smtp.Settings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lessons"] = setup.ConnectionString,
        }));
        using var author = Chromium.Start(site.Address);
        using var editor = Chromium.Start(site.Address);
        author.WaitForSearchIndex();

        // Registers, and confirms from the mail.
        author.Open("/konto/registrera");
        author.Type("#DisplayName", "Sam Svensson");
        author.Type("#Email", Author);
        author.Type("#Password", Journeys.Password);
        Press(author, "Skapa konto");
        Status(author, "the registration's answer");
        var (_, confirm) = await MailedLinkAsync(smtp, Author, "/konto/bekrafta");
        author.Open(confirm);
        author.Type("#Password", Journeys.Password);
        Press(author, "Bekräfta");
        author.WaitFor(d => d.PageSource.Contains("är bekräftad", StringComparison.Ordinal) ? d.Url : null, "the confirmation");

        // Asks to join Umeå kommun (the address is not at umea.se), and its editor approves.
        author.SignIn(Author, Journeys.Password);
        author.Open("/konto");
        author.Type("#OrganisationName", "Umeå");
        author.Find("#OrganisationName").SendKeys(Keys.Enter);
        Assert.StartsWith("Din ansökan till Umeå kommun är skickad", Status(author, "the request to join").Text, StringComparison.Ordinal);
        editor.SignIn(Editor, Journeys.Password);
        editor.Open(umea);
        var request = editor.FindAll("main tr").First(r => r.Text.Contains("Sam Svensson", StringComparison.Ordinal));
        request.FindElement(By.XPath(".//button[normalize-space()='Godkänn']")).Click();
        Status(editor, "the approval");

        // Writes a report, previews it, sees the precedent check, saves and submits it.
        author.Open("/rapporter/ny");
        author.Type("#Input_Title", "Chattbot för bygglov i Umeå");
        author.Type("#Input_Summary", "En chattbot svarade invånarna på frågor om bygglov, men frågorna krävde handläggare.");
        var precedent = author.WaitFor(d => d.FindElements(By.CssSelector("#precedents[aria-busy=false] label"))
            .FirstOrDefault(l => l.Text.Contains("Chattbot för bygglovsfrågor", StringComparison.Ordinal)), "the precedent check");
        Assert.Contains("Avbruten", precedent.Text, StringComparison.Ordinal);
        author.Type("#Input_YearStarted", "2024");
        foreach (var (name, value) in new[] { ("Outcome", "avbruten"), ("Stage", "test"), ("Principles", "testa-och-lara"), ("Challenges", "bestallarkompetens") })
        {
            var input = author.Find($"input[name='Input.{name}'][value='{value}']");
            if (!input.Selected) input.SendKeys(Keys.Space);
        }
        author.Type("#Input_Lessons", "- Läs de verkliga frågorna först.");
        Press(author, "Förhandsgranska");
        var preview = author.WaitFor(d => d.FindElements(By.CssSelector(".preview")).FirstOrDefault(), "the preview");
        Assert.Contains("Läs de verkliga frågorna först.", preview.Text, StringComparison.Ordinal);
        Press(author, "Spara utkast");
        author.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        var report = author.PathAndQuery;
        Press(author, "Skicka för granskning");
        Status(author, "the submission");

        // The editor returns it with a comment, which the author reads in the mail and on the report.
        editor.Open(report);
        editor.Type("#ReturnComment", "Lägg till vad chattboten kostade.");
        Press(editor, "Skicka tillbaka till författaren");
        Status(editor, "the return");
        var returned = await MailAsync(smtp, Author, m => m.TextBody?.Contains("Lägg till vad chattboten kostade.", StringComparison.Ordinal) == true);
        Assert.Contains(report, returned.TextBody, StringComparison.Ordinal);
        author.Open(report);
        Assert.Contains("Lägg till vad chattboten kostade.", author.Find("main").Text, StringComparison.Ordinal);
        Press(author, "Skicka för granskning");
        Status(author, "the second submission");

        // And publishes it: now anyone finds it.
        editor.Open(report);
        Press(editor, "Publicera");
        Status(editor, "the publication");
        using var reader = Chromium.Start(site.Address);
        reader.Open(report);
        Assert.Equal("Chattbot för bygglov i Umeå", reader.Find("main h1").Text);
        reader.AssertAccessible();
    }

    [Fact]
    public async Task A_decision_maker_on_a_phone_searches_filters_to_failures_in_municipalities_opens_a_report_and_prints_it()
    {
        await using var site = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        using var browser = Chromium.Start(site.Address);
        browser.WaitForSearchIndex();
        browser.Viewport(375);

        browser.Open("/");
        browser.Type("main input[type=search]", "upphandling");
        browser.Find("main input[type=search]").SendKeys(Keys.Enter);
        browser.WaitFor(d => d.FindElements(By.CssSelector(".report-list article")).FirstOrDefault(), "the hits");
        var filters = browser.Find("details.filters");
        Assert.Null(filters.GetAttribute("open"));                  // results first on a phone
        browser.Find("details.filters > summary").Click();
        foreach (var css in new[] { "input[name=outcome][value=misslyckades]", "input[name=outcome][value=avbruten]", "input[name=organisationType][value=kommun]" })
            browser.Find(css).Click();
        browser.FindAll("details.filters button[type=submit]").First(b => b.Displayed).Click();

        browser.WaitFor(d => d.Url.Contains("organisationType=kommun", StringComparison.Ordinal) ? d.Url : null, "the filtered search");
        Assert.Equal("Filter (3 valda)", browser.Find("details.filters > summary").Text);
        var hits = browser.FindAll(".report-list article");
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Matches("Misslyckades|Avbruten", hit.Text));
        browser.AssertAccessible();
        browser.Screenshot("375-journey-failures-in-municipalities");

        hits[0].FindElement(By.CssSelector("h3 a")).Click();
        browser.WaitFor(d => d.FindElements(By.CssSelector("#h-lessons")).FirstOrDefault(), "the report");
        var title = browser.Find("main h1").Text;
        var address = browser.PathAndQuery;
        browser.AssertAccessible();

        browser.EmulatePrint();
        try
        {
            foreach (var css in new[] { ".site-header", ".site-footer", "nav", "button[data-print]" })
                Assert.All(browser.FindAll(css), e => Assert.False(e.Displayed, $"{css} is printed"));
            var printed = browser.Find("dl.print-only");
            Assert.True(printed.Displayed);
            Assert.Contains(address, printed.Text, StringComparison.Ordinal);
            Assert.Contains("Publicerad", printed.Text, StringComparison.Ordinal);
            Assert.Matches(@"\d{4}", printed.Text);
            Assert.Equal(title, browser.Find("main h1").Text);
            Assert.True(browser.Find("#h-lessons").Displayed);
            browser.Screenshot("375-journey-printed-report");
        }
        finally
        {
            browser.EmulatePrint(false);
        }
    }

    [Fact]
    public async Task A_subscriber_subscribes_confirms_from_the_mail_receives_a_digest_and_unsubscribes_from_its_link()
    {
        Requires.Smtp();
        await using var smtp = await SmtpServer.StartAsync();
        // A report waits for review; it is published only once the subscription has begun.
        await using var setup = await LessonsApp.StartAsync();
        var admin = await setup.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Umeå kommun"), "Lägg till", [("Domain", "umea.se")]);
        var member = await setup.RegisterAndConfirmAsync("anna.andersson@umea.se");
        await member.SignInAsync("anna.andersson@umea.se");
        var saved = await member.SubmitAsync("/rapporter/ny", "Spara utkast",
        [
            ("Input.Title", "Testbädd för välfärdsteknik i Umeå"), ("Input.Summary", "Vi testade tekniken i liten skala först."),
            ("Input.YearStarted", "2024"), ("Input.Outcome", "lyckades"), ("Input.Stage", "test"), ("Input.Principles", "testa-och-lara"),
            ("Input.Challenges", "spridning"), ("Input.Lessons", "- Testa först."),
        ]);
        var report = saved.RequestMessage!.RequestUri!.AbsolutePath;
        await member.SubmitAsync(report, "Skicka för granskning");
        var adminPassword = await setup.CreateAdminAsync("moderator@lessons.test");
        await using var site = await LessonsApp.ServeAsync(extra: smtp.Settings(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Lessons"] = setup.ConnectionString,
        }));
        using var browser = Chromium.Start(site.Address);
        const string subscriber = "ida.ivarsson@example.org";

        browser.Open("/prenumerera");
        browser.Type("#email", subscriber);
        browser.Find("input[name=principles][value=testa-och-lara]").SendKeys(Keys.Space);
        Press(browser, "Prenumerera");
        Assert.Contains("bekräftat", Status(browser, "the answer").Text, StringComparison.Ordinal);
        var (_, confirm) = await MailedLinkAsync(smtp, subscriber, "/prenumerera/bekrafta/");
        browser.Open(confirm);
        Press(browser, "Bekräfta");
        Status(browser, "the confirmation");

        using (var moderator = Chromium.Start(site.Address))
        {
            moderator.SignIn("moderator@lessons.test", adminPassword);
            moderator.Open(report);
            Press(moderator, "Publicera");
            Status(moderator, "the publication");
        }
        // The weekly run, through the same use case as the scheduler and the digest --send-now verb.
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunDigestsCommand(SendNow: true));

        var (digest, unsubscribe) = await MailedLinkAsync(smtp, subscriber, "/prenumerera/avsluta/", count: 2);
        Assert.Contains("Testbädd för välfärdsteknik i Umeå", digest.TextBody, StringComparison.Ordinal);
        Assert.NotNull(digest.Headers[HeaderId.ListUnsubscribe]);
        browser.Open(unsubscribe);
        Press(browser, "Avsluta allt");
        Status(browser, "the unsubscription");
        browser.AssertAccessible();

        // Unsubscribed: the manage page says so, and nothing more is sent.
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunDigestsCommand(SendNow: true));
        Assert.Equal(2, smtp.MessagesTo(subscriber).Count);
    }

    [Fact]
    public async Task The_report_form_is_completed_and_saved_with_Tab_Space_and_Enter_only()
    {
        await using var setup = await LessonsApp.StartAsync();
        var admin = await setup.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        await setup.RegisterAndConfirmAsync("eva@lund.se", "Eva Ek");
        await using var site = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = setup.ConnectionString });
        using var browser = Chromium.Start(site.Address);
        browser.SignIn("eva@lund.se", Journeys.Password);
        browser.Open("/rapporter/ny");

        // Tab from the top of the page to each field; type into text fields; Space ticks the first choice of a group.
        var typed = new Dictionary<string, string>
        {
            ["Input_Title"] = "Tangentbordet räcker",
            ["Input_Summary"] = "Ett utkast som skrevs utan mus.",
            ["Input_YearStarted"] = "2024",
            ["Input_Lessons"] = "- Allt går att nå med Tab.",
        };
        var ticked = new HashSet<string>(StringComparer.Ordinal);
        var wanted = new[] { "Input.Outcome", "Input.Stage" };
        for (var i = 0; i < 400 && (typed.Count > 0 || ticked.Count < wanted.Length); i++)
        {
            browser.Tab();
            var focused = browser.Focused;
            var id = focused.GetAttribute("id") ?? "";
            var name = focused.GetAttribute("name") ?? "";
            if (typed.Remove(id, out var text)) focused.SendKeys(text);
            else if (wanted.Contains(name) && focused.GetAttribute("type") == "radio" && ticked.Add(name)) focused.SendKeys(Keys.Space);
        }
        Assert.Empty(typed);
        Assert.Equal(wanted.Length, ticked.Count);

        // Tab on to "Spara utkast" and press Enter.
        for (var i = 0; i < 400 && browser.Focused.Text != "Spara utkast"; i++) browser.Tab();
        Assert.Equal("Spara utkast", browser.Focused.Text);
        browser.Focused.SendKeys(Keys.Enter);

        browser.WaitFor(d => d.FindElements(By.CssSelector(".badge.status")).FirstOrDefault(), "the saved draft");
        Assert.Equal("Tangentbordet räcker", browser.Find("main h1").Text);
    }
}
