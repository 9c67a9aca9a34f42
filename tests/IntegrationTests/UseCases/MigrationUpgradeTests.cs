using System.Net;

using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>An installation from the first release, upgraded by the migrations a new version applies at start.</summary>
public sealed class MigrationUpgradeTests
{
    private static readonly Guid Organisation = Guid.Parse("7d1f3c1e-2a4b-4c5d-8e9f-0a1b2c3d4e5f");
    private static readonly Guid Report = Guid.Parse("0e5c9a3b-6d7e-4f80-9a1b-2c3d4e5f6a7b");
    private static readonly Guid Revision = Guid.Parse("3a4b5c6d-7e8f-4901-a2b3-c4d5e6f7a8b9");

    /// <summary>A published report as the first release wrote it: in the Initial migration's tables and columns only.</summary>
    private static string FirstReleaseRowsSqlite()
    {
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).UtcTicks;
        string Id(Guid g) => $"'{g.ToString().ToUpperInvariant()}'";
        const string content = "'Bakgrunden.', '[]', '[]', '[]', NULL, NULL, NULL, NULL, '[]', '[]', NULL, '[]', 'Lärdomen om larmen.', '[]', "
            + "'lyckades', '[]', 'Rekommendationerna.', 'Resultatet.', 'test', 'Trygghetslarm som ringer via mobilnätet.', '[]', "
            + "'Digitala trygghetslarm i Uppgraderingsby', 'Vi bytte larmen.', NULL, 2024";
        const string columns = "background, challenges, co_organisations, collaborators, contact_email, contact_name, cost_note, cost_sek, "
            + "drivers, effects, effort_hours, innovation_types, lessons, links, outcome, principles, recommendations, result, stage, summary, "
            + "support, title, what_we_did, year_ended, year_started";
        return $"""
            INSERT INTO organisations (Id, Name, Type, Code, IsUnlisted, IsFictional, CreatedAt, EmailDomains)
                VALUES ({Id(Organisation)}, 'Uppgraderingsby kommun', 'kommun', NULL, 0, 0, {at}, '[]');
            INSERT INTO reports (Id, ExternalId, OrganisationId, AuthorId, Status, Visibility, IsAnonymous, BuildsOnReportId, CurrentRevision,
                    CreatedAt, UpdatedAt, SubmittedAt, PublishedAt, WithdrawnAt, WithdrawalReason, {columns})
                VALUES ({Id(Report)}, NULL, {Id(Organisation)}, NULL, 'published', 'public', 0, NULL, 1, {at}, {at}, NULL, {at}, NULL, NULL, {content});
            INSERT INTO report_revisions (Id, ReportId, Number, EditedBy, CreatedAt, {columns})
                VALUES ({Id(Revision)}, {Id(Report)}, 1, NULL, {at}, {content});
            INSERT INTO search_changes (ReportId, CreatedAt) VALUES ({Id(Report)}, {at});
            """;
    }

    /// <summary>The same rows as PostgreSQL's Initial migration typed them: quoted names, uuid, boolean, timestamptz.</summary>
    private static string FirstReleaseRowsPostgres()
    {
        const string at = "'2026-11-23T09:00:00Z'";
        string Id(Guid g) => $"'{g}'";
        const string content = "'Bakgrunden.', '[]', '[]', '[]', NULL, NULL, NULL, NULL, '[]', '[]', NULL, '[]', 'Lärdomen om larmen.', '[]', "
            + "'lyckades', '[]', 'Rekommendationerna.', 'Resultatet.', 'test', 'Trygghetslarm som ringer via mobilnätet.', '[]', "
            + "'Digitala trygghetslarm i Uppgraderingsby', 'Vi bytte larmen.', NULL, 2024";
        const string columns = "background, challenges, co_organisations, collaborators, contact_email, contact_name, cost_note, cost_sek, "
            + "drivers, effects, effort_hours, innovation_types, lessons, links, outcome, principles, recommendations, result, stage, summary, "
            + "support, title, what_we_did, year_ended, year_started";
        return $"""
            INSERT INTO organisations ("Id", "Name", "Type", "Code", "IsUnlisted", "IsFictional", "CreatedAt", "EmailDomains")
                VALUES ({Id(Organisation)}, 'Uppgraderingsby kommun', 'kommun', NULL, false, false, {at}, '[]');
            INSERT INTO reports ("Id", "ExternalId", "OrganisationId", "AuthorId", "Status", "Visibility", "IsAnonymous", "BuildsOnReportId",
                    "CurrentRevision", "CreatedAt", "UpdatedAt", "SubmittedAt", "PublishedAt", "WithdrawnAt", "WithdrawalReason", {columns})
                VALUES ({Id(Report)}, NULL, {Id(Organisation)}, NULL, 'published', 'public', false, NULL, 1, {at}, {at}, NULL, {at}, NULL, NULL, {content});
            INSERT INTO report_revisions ("Id", "ReportId", "Number", "EditedBy", "CreatedAt", {columns})
                VALUES ({Id(Revision)}, {Id(Report)}, 1, NULL, {at}, {content});
            INSERT INTO search_changes ("ReportId", "CreatedAt") VALUES ({Id(Report)}, {at});
            """;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_database_made_by_the_first_migration_is_upgraded_at_start_and_the_site_serves_its_reports(string database)
    {
        var connection = await TestDatabases.CreateEmptyAsync(database);
        var settings = TestDatabases.Settings(database, connection);
        await using (var services = TestDatabases.Services(settings))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("Initial");
            Assert.Single(await db.Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.ExecuteSqlRawAsync(database == TestDatabases.Sqlite ? FirstReleaseRowsSqlite() : FirstReleaseRowsPostgres());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var app = await LessonsApp.StartAsync(database, extra: new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = connection });
        var client = app.Browser();

        var page = await client.GetAsync($"/rapporter/{Report}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Digitala trygghetslarm i Uppgraderingsby", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var found = await client.GetStringAsync("/api/v1/reports?q=trygghetslarm");
        Assert.Contains(Report.ToString(), found, StringComparison.OrdinalIgnoreCase);
        await using var check = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = connection });
        Assert.Empty(await check.WithDb(db => db.Database.GetPendingMigrationsAsync()));
        Assert.Equal("Uppgraderingsby kommun", await check.WithDb(db => db.Organisations.Where(o => o.Id == Organisation).Select(o => o.Name).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Deliveries_composed_before_the_compact_item_list_keep_the_ids_of_their_reports_in_order(string database)
    {
        var connection = await TestDatabases.CreateEmptyAsync(database);
        await using var services = TestDatabases.Services(TestDatabases.Settings(database, connection));
        var (subscriber, run, delivery) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Guid[] reports = [Guid.Parse("ffeeddcc-bbaa-4988-7766-554433221100"), Guid.NewGuid(), Guid.NewGuid()];
        var items = "[" + string.Join(",", reports.Select((r, i) => $$"""{"reportId":"{{r}}","reasons":["Skäl {{i}}"]}""")) + "]";
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_DigestCompact", StringComparison.Ordinal)).Last();
            await db.GetService<IMigrator>().MigrateAsync(before);
            if (database == TestDatabases.Sqlite)
            {
                var at = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero).UtcTicks;
                string Id(Guid g) => $"'{g.ToString().ToUpperInvariant()}'";
                var rows = $"""
                    INSERT INTO subscribers (Id, Email, MemberId, Status, CreatedAt, ConfirmedAt, UnsubscribedAt, PermanentFailures)
                        VALUES ({Id(subscriber)}, 'fore@example.org', NULL, 'confirmed', {at}, {at}, NULL, 0);
                    INSERT INTO digest_runs (Id, Cutoff, IsoWeek, ScheduleKey, CreatedAt, ComposedAt, CompletedAt, LeaseOwner, LeaseExpiresAt)
                        VALUES ({Id(run)}, {at}, '2026-W49', NULL, {at}, {at}, {at}, NULL, NULL);
                    INSERT INTO digest_deliveries (Id, RunId, SubscriberId, IsoWeek, WindowStart, WindowEnd, Status, Subject, HtmlBody, TextBody,
                            Items, ComposedAt, SendingAt, SentAt, Attempts, LastError)
                        VALUES ({Id(delivery)}, {Id(run)}, {Id(subscriber)}, '2026-W49', {at}, {at}, 'sent', 'Ämne', '<p>h</p>', 't', '{items}', {at}, {at}, {at}, 1, NULL);
                    """;
                await db.Database.ExecuteSqlRawAsync(rows.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }
            else
            {
                const string at = "'2026-11-30T06:00:00Z'";
                var rows = $"""
                    INSERT INTO subscribers ("Id", "Email", "MemberId", "Status", "CreatedAt", "ConfirmedAt", "UnsubscribedAt", "PermanentFailures")
                        VALUES ('{subscriber}', 'fore@example.org', NULL, 'confirmed', {at}, {at}, NULL, 0);
                    INSERT INTO digest_runs ("Id", "Cutoff", "IsoWeek", "ScheduleKey", "CreatedAt", "ComposedAt", "CompletedAt", "LeaseOwner", "LeaseExpiresAt")
                        VALUES ('{run}', {at}, '2026-W49', NULL, {at}, {at}, {at}, NULL, NULL);
                    INSERT INTO digest_deliveries ("Id", "RunId", "SubscriberId", "IsoWeek", "WindowStart", "WindowEnd", "Status", "Subject", "HtmlBody",
                            "TextBody", "Items", "ComposedAt", "SendingAt", "SentAt", "Attempts", "LastError")
                        VALUES ('{delivery}', '{run}', '{subscriber}', '2026-W49', {at}, {at}, 'sent', 'Ämne', '<p>h</p>', 't', '{items}', {at}, {at}, {at}, 1, NULL);
                    """;
                await db.Database.ExecuteSqlRawAsync(rows.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
            await db.Database.MigrateAsync();
            var upgraded = await db.DigestDeliveries.AsNoTracking().SingleAsync(d => d.Id == delivery);
            Assert.Equal(reports, upgraded.ReportIds);
            Assert.Equal(("Ämne", "<p>h</p>", "t"), (upgraded.Subject, upgraded.HtmlBody, upgraded.TextBody));
        }
    }
}
