namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The site with its demo content on Kestrel and one browser on it, shared by a test class (its tests run one after
/// another). Started by the first test that asks, inside the test, so a missing browser skips or fails that test
/// as <see cref="Requires"/> says rather than breaking the class.
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private LessonsApp? app;
    private Chromium? browser;

    public async Task<Chromium> BrowserAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (browser is not null) return browser;
            app ??= await LessonsApp.ServeAsync(extra: new Dictionary<string, string?> { ["DemoContent:Enabled"] = "true" });
            browser = Chromium.Start(app.Address);
            browser.WaitForSearchIndex();
            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        browser?.Dispose();
        if (app is not null) await app.DisposeAsync();
        gate.Dispose();
    }
}
