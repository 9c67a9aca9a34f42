using Lessons.Application;
using Lessons.Application.Common.Ports;
using Lessons.Application.Members.Commands;
using Lessons.Application.Organisations;
using Lessons.Application.Organisations.Commands;
using Lessons.Infrastructure;
using Lessons.Infrastructure.Identity;
using Lessons.Infrastructure.Observability;
using Lessons.Infrastructure.Persistence;
using Lessons.Infrastructure.Search;
using Lessons.Web.Digests;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>Someone acting in a test: a member (with an organisation and role), a moderator, or nobody.</summary>
public sealed record Actor(Guid? Id, bool IsModerator = false, bool IsAdmin = false)
{
    public static readonly Actor Nobody = new((Guid?)null);

    public static readonly Actor Operator = new(Guid.Empty, true, true);
}

/// <summary>The ICurrentUser port, set per request by the test: the port exists for exactly this.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public Actor Actor { get; set; } = Actor.Operator;

    public Guid? UserId => Actor.Id;

    public bool IsModerator => Actor.IsModerator || Actor.IsAdmin;

    public bool IsAdmin => Actor.IsAdmin;
}

/// <summary>A clock that stands still unless a test moves it: the only test double.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>
/// The Application and Infrastructure layers on a real database of their own, driven through the mediator as the
/// pages, API and CLI drive them. Arrange through the app's own commands; <c>As(actor)</c> picks who acts.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private Actor? moderator;

    private readonly Dictionary<string, string?> settings;

    private TestApp(ServiceProvider services, string provider, Dictionary<string, string?> settings)
    {
        this.services = services;
        Provider = provider;
        this.settings = settings;
    }

    public string Provider { get; }

    public string ConnectionString => settings["ConnectionStrings:Lessons"]!;

    public string MailDirectory => settings["Email:PickupDirectory"]!;

    public TestClock Clock { get; } = new();

    /// <summary>A node on a new database. Without <paramref name="indexing"/> its background indexer is not started
    /// (the test applies the outbox itself with <see cref="Indexer"/>, or never).</summary>
    public static async Task<TestApp> StartAsync(string provider, IDictionary<string, string?>? extra = null, bool indexing = true)
    {
        var settings = TestDatabases.Settings(provider, await TestDatabases.CreateAsync(provider));
        settings["Email:PickupDirectory"] = TestDatabases.TempDirectory("mail");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return await Start(provider, settings, indexing);
    }

    /// <summary>The messages written to the pickup folder for <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Mail(string to) =>
        [.. Directory.GetFiles(settings["Email:PickupDirectory"]!, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))];

    public Task<string> EmailOf(Actor actor) =>
        WithDb(db => db.Members.Where(m => m.Id == actor.Id).Select(m => m.Email).SingleAsync());

    /// <summary>Another node on the same database, with its own index directory (and settings of its own). Without
    /// <paramref name="indexing"/> its background indexer is not started (the test starts it, or never).</summary>
    public Task<TestApp> WithIndexAt(string indexPath, IDictionary<string, string?>? extra = null, bool indexing = true)
    {
        var mine = new Dictionary<string, string?>(settings) { ["Search:IndexPath"] = indexPath };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) mine[key] = value;
        return Start(Provider, mine, indexing);
    }

    private static async Task<TestApp> Start(string provider, Dictionary<string, string?> settings, bool indexing = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        TestApp? app = null;
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddApplication()
            .AddInfrastructure(configuration)
            .AddLessonsObservability()
            .AddDigestMail()
            .AddScoped<TestCurrentUser>()
            .AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>())
            .AddSingleton<TimeProvider>(_ => app!.Clock)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        app = new TestApp(services, provider, settings);
        // The index follows the outbox in the background, as on a node; the app is handed over once it is up.
        if (indexing) await app.StartIndexingAsync();
        return app;
    }

    /// <summary>Starts the index's background service and waits for its first pass (the index opened, rebuilt if it
    /// had to be, caught up).</summary>
    public async Task StartIndexingAsync()
    {
        await services.GetRequiredService<IndexMaintenance>().StartAsync(default);
        await Indexer.Ready.WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>The index's background service, stopped and started as a node's is (a restart keeps the index on disk).</summary>
    internal IndexMaintenance IndexMaintenance => services.GetRequiredService<IndexMaintenance>();

    internal SearchIndexer Indexer => services.GetRequiredService<SearchIndexer>();

    /// <summary>A service this app registers but does not start (a hosted service), made on its container with <paramref name="extra"/>.</summary>
    internal T Create<T>(params object[] extra) => ActivatorUtilities.CreateInstance<T>(services, extra);

    internal T Get<T>() where T : notnull => services.GetRequiredService<T>();

    internal LuceneReportIndex Index => services.GetRequiredService<LuceneReportIndex>();

    public string IndexPath => settings["Search:IndexPath"]!;

    /// <summary>Sends a request as the operator (the CLI's identity).</summary>
    public Task<T> Send<T>(IRequest<T> request) => SendAs(Actor.Operator, request);

    public async Task<T> SendAs<T>(Actor actor, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().Actor = actor;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    /// <summary>For the Infrastructure services no request wraps (Identity's stores, the password guard).</summary>
    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public async Task<T> WithDb<T>(Func<LessonsDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LessonsDbContext>());
    }

    public async Task<Guid> OrganisationId(string name)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationResolver>().FindAsync(name, default)
            ?? throw new InvalidOperationException($"{name} is not in the registry");
    }

    /// <summary>A platform moderator with a confirmed address and no organisation: an account in the moderator role,
    /// so that mail to "all moderators" reaches them.</summary>
    public async Task<Actor> Moderator()
    {
        if (moderator is not null) return moderator;
        var id = Guid.NewGuid();
        var email = $"moderator-{id:N}@example.org";
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LessonsUser>>();
            var user = new LessonsUser { Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Moderator" };
            Assert.True((await users.CreateAsync(user)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Moderator)).Succeeded);
        }
        await Send(new ActivateMemberCommand(id, email, "Moderator"));
        return moderator = new Actor(id, IsModerator: true);
    }

    /// <summary>A confirmed member of <paramref name="organisation"/>, approved by a moderator; an editor if asked.</summary>
    public async Task<Actor> Member(string organisation, bool editor = false, string name = "Testperson")
    {
        var actor = await Confirmed(name);
        var organisationId = await OrganisationId(organisation);
        await SendAs(actor, new Application.Members.Commands.RequestMembershipCommand(organisationId));
        var moderator_ = await Moderator();
        await SendAs(moderator_, new ManageMemberCommand(organisationId, actor.Id!.Value, MemberAction.Approve));
        if (editor) await SendAs(moderator_, new ManageMemberCommand(organisationId, actor.Id!.Value, MemberAction.MakeEditor));
        return actor;
    }

    /// <summary>A person who confirmed their address but belongs to no organisation.</summary>
    public async Task<Actor> Confirmed(string name = "Testperson")
    {
        var id = Guid.NewGuid();
        await Send(new ActivateMemberCommand(id, $"{id:N}@example.org", name));
        return new Actor(id);
    }

    public async ValueTask DisposeAsync()
    {
        await services.GetRequiredService<IndexMaintenance>().StopAsync(default);
        await services.DisposeAsync();
    }
}

/// <summary>Both databases for every use-case test: the same behaviour on SQLite and PostgreSQL.</summary>
public sealed class Databases : TheoryData<string>
{
    public Databases()
    {
        Add(TestDatabases.Sqlite);
        Add(TestDatabases.Postgres);
    }
}
