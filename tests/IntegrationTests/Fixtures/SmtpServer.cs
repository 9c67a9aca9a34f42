using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port, one per test, delivering into a Maildir that the test
/// reads with MimeKit. <see cref="StartAsync"/> runs aiosmtpd's own Maildir handler; <see cref="StartScriptedAsync"/>
/// runs <c>smtp_server.py</c>, which stores each message byte for byte, logs connections and recipients, and fails on
/// request (see the script).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private static readonly Lazy<string?> Interpreter = new(FindInterpreter);

    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();

    private SmtpServer(Process process, int port, string directory)
    {
        this.process = process;
        Port = port;
        Directory = directory;
        // Both pipes are read to the end, so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data == "ready") ready.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The SMTP server exited: {string.Join('\n', errors)}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>Debian's python3 with python3-aiosmtpd (a python3 earlier on PATH, e.g. pyenv's, may lack it).</summary>
    public static bool IsInstalled => Interpreter.Value is not null;

    /// <summary>The settings that send the site's mail to this server.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:MessagesPerSecond"] = "0",
            ["Email:Smtp:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    /// <summary><c>python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox DIR</c>.</summary>
    public static async Task<SmtpServer> StartAsync()
    {
        Requires.Smtp();
        // aiosmtpd makes the Maildir's subfolders only when it makes the folder itself.
        var directory = Path.Combine(TestDatabases.TempDirectory("smtp"), "Maildir");
        var port = LoopbackPorts.Free();
        var server = Start(port, directory, "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", directory);
        // aiosmtpd says nothing when it listens: wait until it accepts a connection.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && !server.process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The scripted server, e.g. <c>StartScriptedAsync("--reject", "nej@exempel.se")</c>.</summary>
    public static async Task<SmtpServer> StartScriptedAsync(params string[] behaviour)
    {
        Requires.Smtp();
        var directory = TestDatabases.TempDirectory("maildir");
        var port = LoopbackPorts.Free();
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "smtp_server.py");
        var server = Start(port, directory, [script, port.ToString(CultureInfo.InvariantCulture), directory, .. behaviour]);
        await server.ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return server;
    }

    private static SmtpServer Start(int port, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter.Value!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        return new SmtpServer(process, port, directory);
    }

    /// <summary>The delivered messages, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(Directory, "new");
        return !System.IO.Directory.Exists(delivered) ? []
            : [.. new DirectoryInfo(delivered).GetFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => MimeMessage.Load(f.FullName))];
    }

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. Messages().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>What the scripted server saw: <c>connect</c>, <c>rcpt ADDRESS CODE</c>, <c>data MESSAGE-ID</c>.</summary>
    public IReadOnlyList<string> Events()
    {
        var file = Path.Combine(Directory, "events");
        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    public int Connections => Events().Count(e => e == "connect");

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static string? FindInterpreter()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import aiosmtpd"])
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
                if (probe is null) continue;
                probe.WaitForExit();
                if (probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name: try the next.
            }
        }
        return null;
    }
}
