using Lessons.Application;
using Lessons.Application.Common.Ports;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Persistence;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lessons.IntegrationTests.UseCases;

public sealed class StartupTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_first_start_builds_the_database_and_later_starts_change_nothing(string database)
    {
        var settings = TestDatabases.Settings(database, await TestDatabases.CreateEmptyAsync(database));
        settings["DemoContent:Enabled"] = "true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ICurrentUser>(new TestCurrentUser())
            .AddApplication()
            .AddInfrastructure(configuration)
            .BuildServiceProvider();

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
