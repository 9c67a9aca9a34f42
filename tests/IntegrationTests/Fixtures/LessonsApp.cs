using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The whole site over real HTTP, configured by settings only (database, mail folder, limits): no service surgery
/// and no mocked user. Tests sign in through the real forms. Clients speak https so the __Host- cookies travel.
/// </summary>
public sealed partial class LessonsApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private LessonsApp(Dictionary<string, string?> settings) => this.settings = settings;

    public string MailDirectory => settings["Email:PickupDirectory"]!;

    public string ConnectionString => settings["ConnectionStrings:Lessons"]!;

    public static async Task<LessonsApp> StartAsync(string database = TestDatabases.Sqlite, IDictionary<string, string?>? extra = null)
    {
        var connectionString = extra?.TryGetValue("ConnectionStrings:Lessons", out var shared) == true && shared is not null
            ? shared : await TestDatabases.CreateAsync(database);
        var settings = TestDatabases.Settings(database, connectionString);
        settings["Email:PickupDirectory"] = TestDatabases.TempDirectory("mail");
        settings["RateLimits:SignInPerMinute"] = "1000";
        settings["RateLimits:PostsPerMinute"] = "1000";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return new LessonsApp(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = true,
        HandleCookies = true,
    });

    public IReadOnlyList<MimeMessage> Mail(string to) =>
        [.. Directory.GetFiles(MailDirectory, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The first https link to this site in the newest message to <paramref name="to"/>, as a path.</summary>
    public string LinkIn(string to, string pathStart)
    {
        var text = Mail(to)[^1].TextBody ?? "";
        var match = Link().Matches(text).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal));
        return match.PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Link();
}
