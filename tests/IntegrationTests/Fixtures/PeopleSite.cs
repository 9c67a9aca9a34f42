namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The demo site on Kestrel with people on it: an administrator and Eva Ek, a member of Lunds kommun (whose domain
/// lund.se is registered), so a browser sees the signed-in pages and an organisation's management part. Shared by a
/// test class and built by the first test that asks; each test starts its own browser.
/// </summary>
public sealed class PeopleSite : IAsyncDisposable
{
    public const string Admin = "admin@lessons.test";
    public const string Member = "eva@lund.se";

    private readonly SemaphoreSlim gate = new(1, 1);
    private LessonsApp? site;

    public string AdminPassword { get; private set; } = "";

    /// <summary>The path of Lunds kommun's page.</summary>
    public string Lund { get; private set; } = "";

    public async Task<Chromium> BrowserAsync(bool javaScript = true)
    {
        await gate.WaitAsync();
        try
        {
            if (site is null)
            {
                await using var setup = await LessonsApp.StartAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
                AdminPassword = await setup.CreateAdminAsync(Admin);
                var admin = setup.Browser();
                await admin.SignInAsync(Admin, AdminPassword);
                Lund = await admin.OrganisationPathAsync("Lunds kommun");
                await admin.SubmitAsync(Lund, "Lägg till", [("Domain", "lund.se")]);
                await setup.RegisterAndConfirmAsync(Member, "Eva Ek");
                site = await LessonsApp.ServeAsync(extra: new Dictionary<string, string?>
                {
                    ["ConnectionStrings:Lessons"] = setup.ConnectionString,
                });
            }
        }
        finally
        {
            gate.Release();
        }
        var browser = Chromium.Start(site.Address, javaScript);
        browser.WaitForSearchIndex();
        return browser;
    }

    /// <summary>The first link to the site in the newest mail to <paramref name="to"/> (the pickup folder), as a path;
    /// waits a little for it, since the site writes mail as it goes.</summary>
    public async Task<string> MailedLinkAsync(string to, string pathStart)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return site!.LinkIn(to, pathStart); }
            catch (Exception e) when (e is InvalidOperationException or IndexOutOfRangeException or ArgumentOutOfRangeException && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (site is not null) await site.DisposeAsync();
        gate.Dispose();
    }
}
