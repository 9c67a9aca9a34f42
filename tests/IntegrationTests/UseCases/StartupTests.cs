using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

public sealed class StartupTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_first_start_builds_the_database_and_later_starts_change_nothing(string database)
    {
        var settings = TestDatabases.Settings(database, await TestDatabases.CreateEmptyAsync(database));
        settings["DemoContent:Enabled"] = "true";
        await using var services = TestDatabases.Services(settings);

        await services.InitialiseDatabaseAsync();
        var first = await Counts(services);
        await services.InitialiseDatabaseAsync();

        // The registry's 650 real organisations, the two roles, and demo reports only by invented organisations.
        Assert.Equal((650, 2), (first.Organisations, first.Roles));
        Assert.InRange(first.Reports, 30, 60);
        Assert.Equal(first.Reports, first.Fictional);
        Assert.Equal(first, await Counts(services));
    }

    private static async Task<(int Organisations, int Reports, int Roles, int Fictional)> Counts(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LessonsDbContext>();
        return (await db.Organisations.CountAsync(o => !o.IsFictional), await db.Reports.CountAsync(), await db.Roles.CountAsync(),
            await db.Reports.Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => o).CountAsync(o => o.IsFictional));
    }
}
