using System.Text.Json;

using Lessons.Application.Common.Errors;
using Lessons.Application.Reports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Reports;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.UseCases;

public sealed class ImportTests
{
    public static List<ReportRecord> Corpus() =>
        JsonSerializer.Deserialize<List<ReportRecord>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "relevance-reports.json")))!;

    [Theory, ClassData(typeof(Databases))]
    public async Task The_relevance_corpus_imports_as_100_published_reports_of_registry_organisations(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var organisationsBefore = await app.WithDb(db => db.Organisations.CountAsync());

        var result = await app.Send(new ImportReportsCommand(Corpus()));

        Assert.Equal((100, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Empty(result.NewOrganisations);     // "Nacka kommun", "Göteborgs stad", "Falu kommun", "CSN" … are all known
        Assert.Equal(organisationsBefore, await app.WithDb(db => db.Organisations.CountAsync()));
        Assert.Equal(100, (await app.SendAs(Actor.Nobody, new SearchReportsQuery())).Total);
        var boras = await app.SendAs(Actor.Nobody, new GetReportQuery("r001"));
        Assert.Equal(("Borås Stad", ReportStatus.Published), (boras.Organisation!.Name, boras.Status));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Importing_the_same_id_again_updates_that_report_as_a_new_revision(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var corpus = Corpus();
        await app.Send(new ImportReportsCommand(corpus));
        corpus[0] = corpus[0] with { Title = "Ny rubrik för r001" };

        var result = await app.Send(new ImportReportsCommand(corpus));

        Assert.Equal((0, 1, 99), (result.Created, result.Updated, result.Unchanged));
        var report = await app.SendAs(Actor.Nobody, new GetReportQuery("r001"));
        Assert.Equal(("Ny rubrik för r001", 2), (report.Content.Title, report.CurrentRevision));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_file_with_an_invalid_item_is_rejected_whole_and_nothing_is_written(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var corpus = Corpus();
        corpus[3] = corpus[3] with { Outcome = "gick-bra" };
        corpus[7] = corpus[7] with { Title = null, Principles = ["ingen-sadan-princip"] };
        corpus[9] = corpus[9] with { Id = corpus[8].Id };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => app.Send(new ImportReportsCommand(corpus)));

        Assert.Contains("Items[3].outcome", error.Errors.Keys);
        Assert.Contains("Items[7].title", error.Errors.Keys);
        Assert.Contains("Items[7].principles", error.Errors.Keys);
        Assert.Contains(error.Errors.Values.SelectMany(m => m), m => m.Contains(corpus[8].Id!, StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDb(db => db.Reports.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_organisation_is_created_once_and_marked_unlisted(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var one = Corpus()[0] with { Id = "x1", Organisation = "Exempelbygdens energibolag", OrganisationType = "bolag" };
        var two = one with { Id = "x2", Organisation = "exempelbygdens  Energibolag" };

        var result = await app.Send(new ImportReportsCommand([one, two]));

        Assert.Equal(["Exempelbygdens energibolag"], result.NewOrganisations);
        var organisation = await app.WithDb(db => db.Organisations.SingleAsync(o => o.Name == "Exempelbygdens energibolag"));
        Assert.True(organisation.IsUnlisted);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Export_then_import_into_an_empty_database_round_trips_every_field(string database)
    {
        await using var source = await TestApp.StartAsync(database);
        var full = new ReportRecord
        {
            Id = "full-1", Title = "Alla fält", Organisation = "Region Gotland", OrganisationType = "region", Year = 2021,
            YearEnded = 2023, Outcome = "delvis", Stage = "inforande", Principles = ["testa-och-lara"], Challenges = ["finansiering"],
            Summary = "Sammanfattning.", Background = "Bakgrund.", WhatWeDid = "Gjorde.", Result = "Resultat.",
            Lessons = "- Lärdom", Recommendations = "Råd.", InnovationTypes = ["process"], Drivers = ["brukarnas-behov"],
            Effects = [new EffectInput("okad-kvalitet", "Färre fel", 12.5m, "procent"), new EffectInput("nojdare-brukare", "Gladare", null, null)],
            CostSek = 1234567.89m, EffortHours = 400, CostNote = "Mest tid.", Collaborators = ["universitet"],
            Support = [new SupportInput("testbadd", "RISE"), new SupportInput("natverk", null)],
            Links = [new LinkInput("Rapport", "https://example.org/r")], CoOrganisations = ["Region Skåne"],
            ContactName = "Kim", ContactEmail = "kim@example.org", MembersOnly = true,
        };
        await source.Send(new ImportReportsCommand([.. Corpus(), full]));
        // Every field, members-only included: the export's explicit option for that.
        var exported = await source.Send(new ExportReportsQuery(IncludeMembersOnly: true));

        await using var target = await TestApp.StartAsync(database);
        await target.Send(new ImportReportsCommand(exported));
        var again = await target.Send(new ExportReportsQuery(IncludeMembersOnly: true));

        Assert.Equal(101, again.Count);
        Assert.Equal(Json(exported.OrderBy(r => r.Id, StringComparer.Ordinal)), Json(again.OrderBy(r => r.Id, StringComparer.Ordinal)));
        Assert.Equal(Json(full), Json(again.Single(r => r.Id == "full-1")));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
