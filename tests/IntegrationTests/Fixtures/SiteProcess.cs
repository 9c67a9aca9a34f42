using System.Diagnostics;
using System.Net;
using System.Text;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// The site as a person starts it: the real program in its own process (the README's <c>dotnet run --project
/// src/Web</c>, or the built program as an operator runs it), listening on a free port on 127.0.0.1, on its own
/// throw-away database, mail folder and index.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private SiteProcess(Process process, Uri address, string mailDirectory)
    {
        this.process = process;
        Address = address;
        MailDirectory = mailDirectory;
    }

    public Uri Address { get; }

    public string MailDirectory { get; }

    public string Log { get { lock (log) return log.ToString(); } }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>dotnet run --project src/Web</c> (already built, so <c>--no-build</c>) with its launch profile.</summary>
    public static Task<SiteProcess> DotnetRunAsync(IDictionary<string, string?>? settings = null)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot };
        foreach (var arg in new[] { "run", "--no-build", "--project", "src/Web", "--", "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        return StartAsync(start, port, settings);
    }

    /// <summary>The built program (<c>dotnet Lessons.Web.dll</c>) started from <paramref name="directory"/>.</summary>
    public static Task<SiteProcess> ProgramAsync(string directory, IDictionary<string, string?>? settings = null)
    {
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        return StartAsync(start, port, settings);
    }

    /// <summary>Starts the program and waits for it to exit by itself (for a configuration it must refuse).</summary>
    public static async Task<(int ExitCode, string Error)> RefusalAsync(IDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestDatabases.TempDirectory("site") };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Lessons.Web.dll"), "--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}" })
            start.ArgumentList.Add(arg);
        Configure(start, settings, TestDatabases.TempDirectory("site"));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The site started although its configuration should have been refused.");
        }
        return (process.ExitCode, await error);
    }

    public HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = Address,
    };

    public IReadOnlyList<MimeMessage> Mail(string to) => MailFolder.To(MailDirectory, to);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static async Task<SiteProcess> StartAsync(ProcessStartInfo start, int port, IDictionary<string, string?>? settings)
    {
        var data = TestDatabases.TempDirectory("site");
        Configure(start, settings ?? new Dictionary<string, string?>(), data);
        var process = Process.Start(start)!;
        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}"), start.Environment["Email__PickupDirectory"]!);
        process.OutputDataReceived += (_, e) => { lock (site.log) site.log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (site.log) site.log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return site;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        await site.DisposeAsync();
        throw new InvalidOperationException($"The site did not answer /health on {site.Address}:\n{site.Log}");
    }

    private static void Configure(ProcessStartInfo start, IDictionary<string, string?> settings, string data)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ConnectionStrings__Lessons"] = $"Data Source={Path.Combine(data, "lessons.db")}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(data, "mail");
        start.Environment["Search__IndexPath"] = Path.Combine(data, "index");
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }


    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Lessons.sln"))) return directory.FullName;
        throw new InvalidOperationException("Lessons.sln not found above " + AppContext.BaseDirectory);
    }
}
