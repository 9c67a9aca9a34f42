using Lessons.Infrastructure.Identity;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lessons.IntegrationTests.UseCases;

/// <summary>The sign-in back-off over time (the HTTP tests in SignInTests cannot move the clock).</summary>
public sealed class PasswordGuardTests
{
    private const string Password = "ett riktigt långt lösenord";

    [Theory, ClassData(typeof(Databases))]
    public async Task After_five_failures_the_account_is_held_off_for_a_window_that_doubles_and_then_takes_the_right_password(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var user = await CreateAsync(app, "vantar@exempel.se");
        for (var i = 0; i < 5; i++) Assert.Equal(PasswordCheck.Refused, (await CheckAsync(app, user, "fel")).Check);

        Assert.Equal(PasswordCheck.Refused, (await CheckAsync(app, user, Password)).Check);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(PasswordCheck.Refused, (await CheckAsync(app, user, "fel igen")).Check);   // sixth: two minutes
        app.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(PasswordCheck.Refused, (await CheckAsync(app, user, Password)).Check);
        app.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(PasswordCheck.Right, (await CheckAsync(app, user, Password)).Check);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_owner_is_warned_once_per_run_of_failures(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var user = await CreateAsync(app, "varnad@exempel.se");

        var warnings = new List<bool>();
        for (var i = 0; i < 8; i++)
        {
            warnings.Add((await CheckAsync(app, user, "fel " + i)).WarnOwner);
            app.Clock.Advance(PasswordGuard.LongestHold);
        }
        await CheckAsync(app, user, Password);
        for (var i = 0; i < 5; i++) warnings.Add((await CheckAsync(app, user, "fel " + i)).WarnOwner);

        Assert.Equal([false, false, false, false, true, false, false, false, false, false, false, false, true], warnings);
    }

    [Fact]
    public void The_hold_doubles_from_one_minute_to_at_most_half_an_hour()
    {
        Assert.Equal([0, 1, 2, 4, 8, 16, 30, 30], new[] { 4, 5, 6, 7, 8, 9, 10, 50 }.Select(f => PasswordGuard.HoldAfter(f).TotalMinutes));
    }

    private static Task<Guid> CreateAsync(TestApp app, string email) => app.InScope(async sp =>
    {
        var user = new LessonsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test" };
        Assert.True((await sp.GetRequiredService<UserManager<LessonsUser>>().CreateAsync(user, Password)).Succeeded);
        return user.Id;
    });

    private static Task<PasswordAttempt> CheckAsync(TestApp app, Guid id, string password) => app.InScope(async sp =>
    {
        var user = await sp.GetRequiredService<UserManager<LessonsUser>>().FindByIdAsync(id.ToString());
        return await sp.GetRequiredService<PasswordGuard>().CheckAsync(user, password, default);
    });
}
