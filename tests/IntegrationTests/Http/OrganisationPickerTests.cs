using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

/// <summary>Choosing one's organisation on the account page: a typed name, the usual short forms, and a suggestion.</summary>
public sealed class OrganisationPickerTests
{
    [Fact]
    public async Task The_organisation_is_typed_with_the_registry_s_names_as_a_list_and_found_by_its_usual_form()
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("nils@exempel.se", "Nils Nilsson");
        await member.SignInAsync("nils@exempel.se");

        var account = await member.GetPageAsync("/konto");
        var field = account.QuerySelector("input#OrganisationName[list=organisation-names]")!;
        Assert.Equal("", field.GetAttribute("value") ?? "");
        var names = account.QuerySelectorAll("datalist#organisation-names option").Select(o => o.GetAttribute("value")).ToList();
        Assert.True(names.Count >= 650, $"{names.Count} names in the list");
        Assert.Contains("Kalmar kommun", names);
        Assert.Null(account.QuerySelector("main select"));

        var joined = await member.SubmitAsync(account, "/konto", "Gå med", [("OrganisationName", "nacka")]);

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Contains("Din ansökan till Nacka kommun är skickad", (await HtmlForm.ParseAsync(joined)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stockholm", "\"Stockholm\" kan vara flera organisationer: \"Region Stockholm\" eller \"Stockholms stad\". Skriv hela namnet.")]
    [InlineData("Uppsala", "\"Uppsala\" kan vara flera organisationer: \"Region Uppsala\" eller \"Uppsala kommun\". Skriv hela namnet.")]
    [InlineData("Nackaa kommun", "Vi hittar ingen organisation som heter \"Nackaa kommun\".")]
    [InlineData("", "Skriv namnet på organisationen.")]
    public async Task An_unknown_or_ambiguous_name_is_refused_with_a_Swedish_message_beside_the_field(string written, string message)
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("nils@exempel.se", "Nils Nilsson");
        await member.SignInAsync("nils@exempel.se");

        var response = await member.SubmitAsync("/konto", "Gå med", [("OrganisationName", written)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal("#OrganisationName", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Contains(message, page.QuerySelector(".field-error[data-valmsg-for='OrganisationName']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(written, page.QuerySelector("#OrganisationName")!.GetAttribute("value") ?? "");
        Assert.Contains("Ingen ännu", page.QuerySelector("main .facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_that_registered_the_member_s_e_mail_domain_is_suggested_and_joins_at_once()
    {
        await using var app = await LessonsApp.StartAsync();
        var member = await app.RegisterAndConfirmAsync("eva@kalmar.se", "Eva Ek");
        await member.SignInAsync("eva@kalmar.se");
        Assert.Equal("", (await member.GetPageAsync("/konto")).QuerySelector("#OrganisationName")!.GetAttribute("value") ?? "");
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Kalmar kommun"), "Lägg till", [("Domain", "kalmar.se")]);

        var account = await member.GetPageAsync("/konto");
        Assert.Equal("Kalmar kommun", account.QuerySelector("#OrganisationName")!.GetAttribute("value"));
        Assert.Contains("Din e-postadress hör till Kalmar kommun", account.QuerySelector("#organisation-hint")!.TextContent, StringComparison.Ordinal);

        var joined = await member.SubmitAsync(account, "/konto", "Gå med");

        Assert.Contains("Du är nu medlem i Kalmar kommun.", (await HtmlForm.ParseAsync(joined)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", (await member.GetPageAsync("/konto")).QuerySelector("#OrganisationName")!.GetAttribute("value") ?? "");
    }
}
