using System.Net;
using System.Text;

using Lessons.IntegrationTests.Fixtures;
using Lessons.IntegrationTests.UseCases;

namespace Lessons.IntegrationTests.Http;

/// <summary>What an attacker or a broken client posts: every answer is a 4xx page in Swedish, never a 500.</summary>
public sealed class BadInputTests
{
    private static readonly (string, string)[] Report =
    [
        ("Input.Title", "Digitala lås i hemtjänsten"),
        ("Input.Summary", "Vi bytte nyckelknippor mot digitala lås."),
        ("Input.YearStarted", "2023"),
        ("Input.Outcome", "lyckades"),
        ("Input.Stage", "inforande"),
        ("Input.Lessons", "- Börja med personalen."),
    ];

    private static async Task<HttpClient> SignedInAuthorAsync(LessonsApp app, string email)
    {
        var admin = await app.AdminAsync();
        await admin.SubmitAsync(await admin.OrganisationPathAsync("Lunds kommun"), "Lägg till", [("Domain", "lund.se")]);
        var author = await app.RegisterAndConfirmAsync(email);
        await author.SignInAsync(email);
        return author;
    }

    /// <summary>A body posted as it stands, with the antiforgery token of a page the client has loaded (so the
    /// request passes the token check whenever its body can be read at all).</summary>
    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string body)
    {
        var page = await client.GetPageAsync("/konto/logga-in");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}", Encoding.UTF8, "application/x-www-form-urlencoded");
        content.Headers.ContentType!.CharSet = null;
        return await client.PostAsync(path, content);
    }

    private static async Task AssertSwedishErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        Assert.Equal(status, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Equal(heading, page.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task A_NUL_character_in_a_form_field_answers_400_in_Swedish()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await PostRawAsync(app.Browser(), "/konto/logga-in", "Email=anna%00@lund.se&Password=x");
        await AssertSwedishErrorPageAsync(response, HttpStatusCode.BadRequest, "Felaktig förfrågan");
    }

    [Fact]
    public async Task More_form_fields_than_the_limit_answer_400_in_Swedish()
    {
        await using var app = await LessonsApp.StartAsync();
        var fields = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));
        var response = await PostRawAsync(app.Browser(), "/konto/logga-in", fields);
        await AssertSwedishErrorPageAsync(response, HttpStatusCode.BadRequest, "Felaktig förfrågan");
    }

    [Fact]
    public async Task A_form_value_larger_than_the_limit_answers_400_in_Swedish()
    {
        await using var app = await LessonsApp.StartAsync();
        var response = await PostRawAsync(app.Browser(), "/konto/logga-in", "Email=" + new string('a', 5 * 1024 * 1024));
        await AssertSwedishErrorPageAsync(response, HttpStatusCode.BadRequest, "Felaktig förfrågan");
    }

    [Fact]
    public async Task A_posted_code_field_does_not_decide_what_the_error_page_answers()
    {
        await using var app = await LessonsApp.StartAsync();
        var client = app.Browser();

        var rejected = await client.PostAsync("/konto/logga-in", new FormUrlEncodedContent([KeyValuePair.Create("code", "abc")]));
        await AssertSwedishErrorPageAsync(rejected, HttpStatusCode.BadRequest, "Felaktig förfrågan");

        var missing = await client.PostAsync("/finns-inte", new FormUrlEncodedContent([KeyValuePair.Create("code", "200")]));
        await AssertSwedishErrorPageAsync(missing, HttpStatusCode.NotFound, "Sidan finns inte");
    }

    [Theory]
    [InlineData("/fel/200")]
    [InlineData("/fel/999")]
    [InlineData("/fel")]
    public async Task The_error_page_visited_directly_answers_404(string path)
    {
        await using var app = await LessonsApp.StartAsync();
        await AssertSwedishErrorPageAsync(await app.Browser().GetAsync(path), HttpStatusCode.NotFound, "Sidan finns inte");
    }

    [Fact]
    public async Task A_post_to_a_page_that_only_reads_answers_405()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var member = await SignedInAuthorAsync(app, "nils@lund.se");
        var report = (await member.GetPageAsync("/")).QuerySelector("main article h3 a")!.GetAttribute("href")!;
        var organisation = await member.OrganisationPathAsync("Lunds kommun");

        foreach (var path in new[] { report, "/konto", organisation })
        {
            var response = await PostRawAsync(member, path, "a=b");
            await AssertSwedishErrorPageAsync(response, HttpStatusCode.MethodNotAllowed, "Felaktig förfrågan");
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task A_post_to_an_unknown_page_handler_answers_404()
    {
        await using var app = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
        var client = app.Browser();
        var report = (await client.GetPageAsync("/")).QuerySelector("main article h3 a")!.GetAttribute("href")!;

        await AssertSwedishErrorPageAsync(await PostRawAsync(client, report + "?handler=finnsinte", "a=b"), HttpStatusCode.NotFound, "Sidan finns inte");
    }

    [Fact]
    public async Task A_checkbox_posted_as_maybe_is_an_error_on_the_form_naming_the_field()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInAuthorAsync(app, "maja@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [.. Report, ("Input.MembersOnly", "maybe")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        Assert.Contains("Bara för medlemmar", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Digitala lås i hemtjänsten", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
    }

    private static readonly string DeepList = string.Concat(Enumerable.Repeat("> ", 1000)) + "citat";

    [Fact]
    public async Task Markdown_nested_too_deep_to_show_is_refused_when_saved_naming_the_field()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInAuthorAsync(app, "ola@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Spara utkast", [.. Report, ("Input.Result", DeepList)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlForm.ParseAsync(response);
        var error = page.QuerySelector(".error-summary a[href='#Input_Result']")!;
        Assert.StartsWith("Resultat och effekter", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("Du har inte skrivit någon rapport ännu", (await author.GetPageAsync("/mina-rapporter")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Markdown_nested_too_deep_to_show_is_refused_when_imported_naming_the_item_and_field(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var corpus = ImportTests.Corpus();
        corpus[2] = corpus[2] with { Lessons = DeepList };

        var error = await Assert.ThrowsAsync<Lessons.Application.Common.Errors.ValidationFailedException>(
            () => app.Send(new Lessons.Application.Reports.Commands.ImportReportsCommand(corpus)));

        Assert.StartsWith("Lärdomar", Assert.Single(error.Errors["Items[2].lessons"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_errors_name_fields_and_choices_by_their_labels_in_the_order_of_the_form()
    {
        await using var app = await LessonsApp.StartAsync();
        var author = await SignedInAuthorAsync(app, "lena@lund.se");

        var response = await author.SubmitAsync("/rapporter/ny", "Spara utkast",
        [
            ("Input.Title", ""), ("Input.Summary", ""), ("Input.YearStarted", ""), ("Input.Outcome", "kanske"), ("Input.Stage", ""),
            ("Input.Principles", "att-vara-snabb"), ("Input.Lessons", ""), ("Input.Links[0].Title", "Länk"), ("Input.Links[0].Url", "ftp://x"),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await HtmlForm.ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Rubrik är obligatorisk: skriv en rubrik.",
            "Sammanfattning är obligatorisk: skriv en kort sammanfattning.",
            "Startår är obligatoriskt: ange vilket år arbetet startade.",
            "Hur det gick är obligatoriskt: välj Lyckades (i drift), Delvis, Misslyckades, Avbruten eller Pågående.",
            "Hur långt ni kom är obligatoriskt: välj Idé och behovsanalys, Test (prototyp, pilot), Införande i verksamheten eller Spridning till andra.",
            "Principer för innovation: välj bland Omfamna och stärk innovationsarbetet, Uppmuntra och rusta alla chefer och medarbetare, "
                + "Odla nya partnerskap och låt olika röster komma till tals, Utforska och testa lösningar i loopar eller Sprid lärdomar och dela erfarenheter.",
            "Lärdomar är obligatoriska: skriv minst en lärdom, det är den andra kommer hit för att hitta.",
            "Länken måste vara en fullständig webbadress som börjar med https:// eller http://.",
        ], errors);
    }

    [Theory]
    [InlineData("GET", "/api/v1/finns-inte", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v1/reports", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/taxonomy", HttpStatusCode.MethodNotAllowed)]
    public async Task An_API_path_or_method_without_an_endpoint_answers_problem_json(string method, string path, HttpStatusCode status)
    {
        await using var app = await LessonsApp.StartAsync();

        var response = await app.Browser().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
    }
}

