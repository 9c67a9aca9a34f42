using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Infrastructure.Search;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.Extensions.Configuration;

namespace Lessons.IntegrationTests.Search;

/// <summary>The Lucene.Net index behind the search, on both databases.</summary>
public sealed class ReportSearchTests
{
    private static async Task<IReadOnlyList<string>> Titles(TestApp app, string text) =>
        [.. (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = text })).Items.Select(h => h.Report.Title)];

    [Theory, ClassData(typeof(Databases))]
    public async Task Publishing_makes_a_report_searchable_in_any_inflection_and_withdrawing_removes_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var id = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Upphandlingen av trygghetslarm")));
        Assert.Empty(await Titles(app, "upphandling"));      // a draft is not searchable

        await app.SendAs(editor, new PublishReportCommand(id));
        foreach (var form in new[] { "upphandling", "upphandlingar", "UPPHANDLINGARNA", "trygghetslarmen" })
            Assert.Equal(["Upphandlingen av trygghetslarm"], await Titles(app, form));

        await app.SendAs(editor, new WithdrawReportCommand(id, null));
        Assert.Empty(await Titles(app, "upphandling"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_title_match_ranks_above_a_body_match_and_the_snippet_shows_the_matching_sentence(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var inBody = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattkameror i hemtjänsten") with
        {
            Result = "Vi lärde oss mycket. Kamerorna ersatte en del nattliga besök.",
        }));
        var inTitle = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Nattliga besök blev färre")));
        await app.SendAs(editor, new PublishReportCommand(inBody));
        await app.SendAs(editor, new PublishReportCommand(inTitle));

        var hits = (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "nattliga besök" })).Items;

        Assert.Equal([inTitle, inBody], hits.Select(h => h.Report.Id));
        Assert.Contains("Kamerorna ersatte en del nattliga besök.", hits[1].Highlights.Select(h => h.Text));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_or_stale_index_is_rebuilt_from_the_database(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        Assert.Equal(100, (await app.SendAs(Actor.Nobody, new SearchReportsQuery())).Total);

        // A node whose index directory is new or empty: the first search rebuilds it.
        await using var other = await app.WithIndexAt(TestDatabases.TempDirectory("index"));
        Assert.Equal(100, (await other.SendAs(Actor.Nobody, new SearchReportsQuery())).Total);
        Assert.NotEmpty(await Titles(other, "chattbot"));
    }

    [Fact]
    public void A_second_process_cannot_open_the_same_index_directory()
    {
        var path = TestDatabases.TempDirectory("index");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = path }).Build();
        using var first = new LuceneReportIndex(configuration);
        first.Open();
        using var second = new LuceneReportIndex(configuration);

        var error = Assert.Throws<InvalidOperationException>(second.Open);
        Assert.Contains("in use by another process", error.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Similar_reports_are_about_the_same_thing_and_come_from_other_organisations_first(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        await app.Send(new ImportReportsCommand(UseCases.ImportTests.Corpus()));
        var source = await app.SendAs(Actor.Nobody, new GetReportQuery("r001"));     // an AI chatbot in a contact centre

        var similar = await app.SendAs(Actor.Nobody, new FindSimilarReportsQuery("r001"));

        Assert.InRange(similar.Count, 3, 5);        // fewer than five when fewer are alike enough
        Assert.DoesNotContain(similar, r => r.Id == source.Id);
        Assert.Contains(similar.Take(3), r => r.Title.Contains("chatt", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(source.Organisation!.Id, similar[0].Organisation?.Id);
        await Assert.ThrowsAsync<Lessons.Application.Common.Errors.NotFoundException>(() =>
            app.SendAs(Actor.Nobody, new FindSimilarReportsQuery(Guid.NewGuid().ToString())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_search_for_one_synonym_finds_reports_that_use_another_and_moderators_extend_the_list(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        foreach (var title in new[] { "Ett nytt kontaktcenter för invånarna", "Snöröjningen blev smartare med sensorer" })
            await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title)))));

        Assert.Equal(["Ett nytt kontaktcenter för invånarna"], await Titles(app, "kundtjänsten"));
        Assert.Empty(await Titles(app, "vinterväghållning"));

        await Assert.ThrowsAsync<Lessons.Application.Common.Errors.ForbiddenException>(() =>
            app.SendAs(editor, new Lessons.Application.Search.SaveSynonymGroupCommand(null, "snöröjning\nvinterväghållning")));
        await app.SendAs(await app.Moderator(), new Lessons.Application.Search.SaveSynonymGroupCommand(null, "snöröjning\nvinterväghållning"));

        Assert.Equal(["Snöröjningen blev smartare med sensorer"], await Titles(app, "vinterväghållning"));
    }

    /// <summary>Publishes a report whose only words are its title and summary (the other sections say nothing searchable).</summary>
    private static async Task Publish(TestApp app, Actor editor, string title, string summary, string outcome = "misslyckades") =>
        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title, outcome) with
        {
            Summary = summary, Background = "Se ovan.", WhatWeDid = "Se ovan.", Result = "Se ovan.", Lessons = "Se ovan.", Recommendations = "Se ovan.",
        }))));

    [Theory, ClassData(typeof(Databases))]
    public async Task A_part_finds_its_compounds_and_a_compound_finds_its_parts_written_apart(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Välfärdsteknik i nattillsynen", "Sensorer ersatte nattliga besök.");
        await Publish(app, editor, "Planering av besöken", "Ett nytt schema för hemtjänsten gav kortare restider.");
        await Publish(app, editor, "Maten i skolorna", "Mindre svinn när eleverna fick välja själva.");

        Assert.Equal(["Välfärdsteknik i nattillsynen"], await Titles(app, "teknik"));
        Assert.Equal(["Planering av besöken"], await Titles(app, "hemtjänstens planering"));
        Assert.Equal(["Maten i skolorna"], await Titles(app, "skolmat"));          // skol + mat, written apart in the report
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Phrases_prefixes_and_exclusions_narrow_the_search(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Vård på distans för äldre", "Videobesök ersatte resor.");
        await Publish(app, editor, "Distans och vård i glesbygden", "Långa avstånd till vårdcentralen.");
        await Publish(app, editor, "Energieffektivisering i skolor", "Ny ventilation sparade el.");

        Assert.Equal(["Vård på distans för äldre"], await Titles(app, "\"vård på distans\""));
        Assert.Equal(2, (await Titles(app, "vård distans")).Count);
        Assert.Equal(["Distans och vård i glesbygden"], await Titles(app, "distans -videobesök"));
        Assert.Equal(["Distans och vård i glesbygden"], await Titles(app, "vård -\"distans för äldre\""));
        Assert.Equal(["Energieffektivisering i skolor"], await Titles(app, "energi*"));
        Assert.Equal(["Energieffektivisering i skolor"], await Titles(app, "Energieffektiviseringar*"));   // stemmed like a word
        Assert.Equal(2, (await Titles(app, "-energi")).Count);                          // only an exclusion: everything else
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_misspelt_word_finds_what_was_meant_and_the_correction_is_suggested(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Energieffektivisering i skolor", "Ny ventilation sparade el.");
        await Publish(app, editor, "Välfärdsteknik i nattillsynen", "Sensorer ersatte nattliga besök.");

        var page = await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "enerigeffektivisering i skolor" });
        Assert.Equal("energieffektivisering i skolor", page.Suggestion);
        Assert.Equal("Energieffektivisering i skolor", Assert.Single(page.Items).Report.Title);

        page = await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "Välfärdstenik" });
        Assert.Equal("välfärdsteknik", page.Suggestion);
        var hit = Assert.Single(page.Items);
        Assert.Equal([new Lessons.Application.Common.Ports.TextMark(0, 14)], hit.Title.Marks);     // the corrected word is marked

        Assert.Null((await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "ventilation" })).Suggestion);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Snippets_mark_every_form_of_the_searched_words(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Upphandlingen av trygghetslarm", "Två upphandlingar avbröts. Sedan gick det bättre med innovationsupphandlingen.");

        var hit = Assert.Single((await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "upphandling" })).Items);
        Assert.Equal("<mark>Upphandlingen</mark> av trygghetslarm", Lessons.Web.Infrastructure.MarkedTextHtml.ToHtml(hit.Title));
        Assert.Equal(["Två <mark>upphandlingar</mark> avbröts.", "Sedan gick det bättre med <mark>innovationsupphandlingen</mark>."],
            hit.Highlights.Select(Lessons.Web.Infrastructure.MarkedTextHtml.ToHtml));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_prefix_that_is_a_stop_word_is_a_search_of_its_own_not_the_page_without_words(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Förskolans nya rutiner", "Barnen fick mer tid utomhus.");
        await Publish(app, editor, "Solceller på taket", "Elen räckte till köket.");

        Assert.Equal(2, (await Titles(app, "")).Count);          // the page without words, kept until the index changes
        Assert.Equal(2, (await Titles(app, "för")).Count);       // a stop word alone is the same page
        Assert.Equal(["Förskolans nya rutiner"], await Titles(app, "för*"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_search_split_over_the_cores_answers_exactly_as_one_pass_does(string database)
    {
        await using var split = await TestApp.StartAsync(database);        // tests split every search (Search:ParallelFrom 0)
        var corpus = UseCases.ImportTests.Corpus();
        foreach (var chunk in corpus.Chunk(25))
        {
            await split.Send(new ImportReportsCommand([.. chunk]));
            await split.SendAs(Actor.Nobody, new SearchReportsQuery());       // each chunk indexed in a segment of its own
        }
        await using var whole = await split.WithIndexAt(TestDatabases.TempDirectory("index"),
            new Dictionary<string, string?> { ["Search:ParallelFrom"] = int.MaxValue.ToString() });

        foreach (var query in new SearchReportsQuery[]
        {
            new() { Text = "hemtjänst", PageSize = 100 },
            new() { Text = "digitala verktyg för äldre", PageSize = 100, Outcomes = ["misslyckades", "avbruten"] },
            new() { Text = "kommun", PageSize = 100, Sort = "newest" },
            new() { PageSize = 100, Principles = ["testa-och-lara"], YearFrom = 2020 },
        })
        {
            var (a, b) = (await split.SendAs(Actor.Nobody, query), await whole.SendAs(Actor.Nobody, query));
            Assert.True(a.Total > 0, query.Text);
            Assert.Equal(b.Total, a.Total);
            Assert.Equal(b.Items.Select(h => h.Report.Id).Order(), a.Items.Select(h => h.Report.Id).Order());
            foreach (var (facet, counts) in b.Facets) Assert.Equal(counts.OrderBy(c => c.Key), a.Facets[facet].OrderBy(c => c.Key));

            // Paging through a split search gives every hit once.
            var pages = new List<Guid>();
            for (var page = 1; page <= (a.Total + 6) / 7; page++)
                pages.AddRange((await split.SendAs(Actor.Nobody, query with { PageSize = 7, Page = page })).Items.Select(h => h.Report.Id));
            Assert.Equal(a.Items.Select(h => h.Report.Id).Order(), pages.Order());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Asking_for_failures_finds_every_form_of_the_word_and_ranks_failed_work_above_successes(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Upphandling av skolmat med klimatkrav", "Upphandlingen gav bättre mat till samma pris.", "lyckades");
        await Publish(app, editor, "Upphandling av e-arkiv", "Upphandlingen avbröts efter en överprövning.", "avbruten");
        await Publish(app, editor, "Nytt schema i hemtjänsten", "Försöket stoppades efter ett halvår.", "avbruten");
        await Publish(app, editor, "Upphandling av trygghetslarm", "Vi fick inga anbud och fick göra om upphandlingen.", "misslyckades");
        foreach (var topic in new[] { "gatubelysning", "läxhjälp", "simskola", "bokbuss", "snöröjning", "parkering", "växtbäddar", "fritidsgårdar" })
            await Publish(app, editor, $"Ny {topic} i kommunen", $"Arbetet med {topic} gick bra.", "lyckades");     // most reports are about other things

        // The stemmer leaves Swedish participles apart (avbrutet, avbröts, stoppades): a failure word finds the failed
        // and abandoned work whatever form its text uses, and none of the successes.
        var abandoned = await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "avbrutet" });
        Assert.Null(abandoned.Suggestion);          // a failure word is no misspelling
        Assert.Equal(["Nytt schema i hemtjänsten", "Upphandling av e-arkiv", "Upphandling av trygghetslarm"],
            abandoned.Items.Select(h => h.Report.Title).Order());
        Assert.Contains(abandoned.Items.SelectMany(h => h.Highlights), h => h.Text.Contains("avbröts", StringComparison.Ordinal) && h.Marks.Count > 0);

        // Procurements that went wrong come before the one that went well, though all three are about procurement.
        var titles = await Titles(app, "upphandlingar som misslyckats");
        Assert.Equal(4, titles.Count);
        Assert.Equal("Upphandling av skolmat med klimatkrav", titles[2]);
        Assert.Equal("Nytt schema i hemtjänsten", titles[3]);       // a failure about something else comes last
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reports_with_equal_scores_and_dates_come_in_the_order_of_their_ids_on_every_node(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        for (var i = 0; i < 6; i++)         // the same text, published at the same moment (the test clock stands still)
        {
            await Publish(app, editor, "Nattkameror i hemtjänsten", "Kamerorna ersatte nattliga besök.");
            await app.SendAs(Actor.Nobody, new SearchReportsQuery());        // each in a segment of its own, in publishing order
        }
        await using var other = await app.WithIndexAt(TestDatabases.TempDirectory("index"));

        foreach (var node in new[] { app, other })
        {
            foreach (var query in new SearchReportsQuery[] { new() { Text = "nattkameror" }, new(), new() { Text = "nattkameror", Sort = "newest" } })
            {
                var ids = (await node.SendAs(Actor.Nobody, query)).Items.Select(h => h.Report.Id.ToString()).ToList();
                Assert.Equal(6, ids.Count);
                Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Similar_reports_and_precedents_leave_out_reports_about_something_else(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var umea = await app.Member("Umeå kommun", editor: true);
        var nacka = await app.Member("Nacka kommun", editor: true);
        await Publish(umea, "Chattbot i kontaktcentret", "Kommunen svarade på invånarnas frågor med en chattbot dygnet runt.");
        await Publish(nacka, "Chattbot för bygglovsfrågor", "Kommunen lät en chattbot svara invånarna om bygglov.");
        await Publish(nacka, "En chattbot som bokar tider", "Invånarna bokade tider hos kommunen med en chattbot.");
        await Publish(umea, "Snöröjning med sensorer", "Kommunen mätte snödjupet på gatorna med sensorer.");
        // Each report tells its own story in every section: no boilerplate shared by all of them.
        async Task Publish(Actor editor, string title, string summary) =>
            await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid(title) with
            {
                Summary = summary, Background = summary, WhatWeDid = summary, Result = summary, Lessons = "- " + summary, Recommendations = summary,
            }))));
        var source = (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "kontaktcentret" })).Items.Single().Report;

        var similar = await app.SendAs(Actor.Nobody, new FindSimilarReportsQuery(source.Id.ToString()));
        Assert.Equal(["Chattbot för bygglovsfrågor", "En chattbot som bokar tider"], similar.Select(r => r.Title).Order());

        var precedents = await app.SendAs(umea, new FindPrecedentsQuery("En chattbot för invånarna", "Kommunen vill att en chattbot ska svara på invånarnas frågor."));
        Assert.Contains(precedents, r => r.Title == "Chattbot i kontaktcentret");
        Assert.Contains(precedents, r => r.Title == "Chattbot för bygglovsfrågor");
        Assert.DoesNotContain(precedents, r => r.Title.StartsWith("Snöröjning", StringComparison.Ordinal));
        Assert.Empty(await app.SendAs(umea, new FindPrecedentsQuery("Ny belysning i parken", "Kommunen byter lamporna i parken.")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_word_typed_without_its_diacritics_finds_the_reports_and_the_spelling_is_offered(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        await Publish(app, editor, "Planering i hemtjänsten", "Ett nytt schema för hemtjänstens personal gav kortare restider.");
        await app.SendAs(editor, new PublishReportCommand(await app.SendAs(editor, new CreateDraftCommand(
            Drafts.Valid("Digitala lås på äldreboendet", membersOnly: true) with { Summary = "Äldreboendet bytte lås." }))));

        var page = await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "hemtjanst" });
        Assert.Equal("hemtjänst", page.Suggestion);
        Assert.Equal("Planering i hemtjänsten", Assert.Single(page.Items).Report.Title);
        Assert.Equal("hemtjänstens planering", (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "hemtjanstens planering" })).Suggestion);

        // A visitor is never offered a word that only members-only reports use.
        Assert.NotEqual("äldreboendet", (await app.SendAs(Actor.Nobody, new SearchReportsQuery { Text = "aldreboendet" })).Suggestion);
        Assert.Equal("äldreboendet", (await app.SendAs(await app.Member("Lunds kommun"), new SearchReportsQuery { Text = "aldreboendet" })).Suggestion);
    }
}
