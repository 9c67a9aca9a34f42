using Lessons.Application.Insights;
using Lessons.Application.Reports.Commands;
using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>The numbers of /insikter and the start page, on both databases.</summary>
public sealed class InsightsTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Insights_count_only_what_an_anonymous_reader_sees_and_never_name_an_anonymous_reports_organisation(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Umeå kommun", editor: true);
        var open = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Öppet misslyckande")));
        await app.SendAs(editor, new PublishReportCommand(open));
        var membersOnly = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Bara för medlemmar", outcome: "avbruten", membersOnly: true)));
        await app.SendAs(editor, new PublishReportCommand(membersOnly));
        var anonymous = await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Anonymt misslyckande", anonymous: true)));
        await app.SendAs(await app.Moderator(), new PublishReportCommand(anonymous));
        await app.SendAs(editor, new CreateDraftCommand(Drafts.Valid("Ett utkast", outcome: "lyckades")));
        var reader = await app.Member("Nacka kommun");
        await app.SendAs(reader, new MarkReusedCommand(open, "Vi provade samma lås."));
        await app.SendAs(reader, new MarkReusedCommand(membersOnly, "Vi gjorde likadant."));
        await app.SendAs(reader, new MarkReusedCommand(anonymous, "Vi lärde oss av det."));

        foreach (var who in new[] { Actor.Nobody, reader, editor, await app.Moderator() })
        {
            var insights = await app.SendAs(who, new GetInsightsQuery());

            Assert.Equal((2, 2), (insights.Reports, insights.FailedOrAbandoned));
            Assert.Equal(2, insights.ByOutcome.Single(c => c.Key == "misslyckades").Count);
            Assert.Equal(0, insights.ByOutcome.Single(c => c.Key == "avbruten").Count);
            Assert.Equal(2, insights.ChallengesInFailures.Single(c => c.Key == "upphandling-och-avtal").Count);
            Assert.Equal([("kommun", 1), ("anonym", 1)], insights.ByOrganisationType.Select(c => (c.Key, c.Count)));
            Assert.Equal([("Umeå kommun", 1)], insights.MostSharing.Select(o => (o.Name, o.Reports)));
            Assert.Equal([("Anonymt misslyckande", (string?)null), ("Öppet misslyckande", "Umeå kommun")],
                insights.MostReused.Select(r => (r.Title, r.OrganisationName)));
            Assert.Equal([("2022", 2)], insights.ByYear.Select(c => (c.Key, c.Count)));
        }
    }
}
