namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// Tests that need a real server run whenever it is installed. On CI (CI=true) a missing server is a failure with an
/// install hint, never a skip; on a developer's machine the test is skipped with the same hint.
/// </summary>
public static class Requires
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Tool(bool present, string what, string hint)
    {
        if (present) return;
        var message = $"{what} is not installed: {hint}";
        if (OnCi) throw new InvalidOperationException(message + " (CI=true: tests that need it fail rather than skip)");
        Assert.Skip(message);
    }

    public static void Smtp() => Tool(SmtpServer.IsInstalled, "aiosmtpd (an SMTP server for the tests)", "apt-get install -y python3-aiosmtpd");

    public static void Nginx() => Tool(Fixtures.Nginx.IsInstalled, "nginx", "apt-get install -y nginx");

    public static async Task<PostgresCluster> Postgres()
    {
        Tool(PostgresCluster.IsInstalled, "PostgreSQL", "apt-get install -y postgresql");
        return await PostgresCluster.Shared.Value;
    }
}
