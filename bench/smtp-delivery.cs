#:project ../src/Infrastructure/Lessons.Infrastructure.csproj
// Delivery benchmark (bench/smtp.sh starts the server): COUNT digest-sized messages through one batch of the real
// SmtpEmailSender, then a reference of REFERENCE messages each on a fresh connection (IEmailSender.SendAsync).
//   dotnet run -c Release bench/smtp-delivery.cs -- PORT COUNT REFERENCE [SERVER-PID]
// With the server's pid it also prints the CPU time each side spent per message: on a machine shared with other
// work the wall-clock rate says more about the load than about the code, and CPU time per message does not.
using System.Diagnostics;
using System.Globalization;
using System.Text;

using Lessons.Application.Common.Ports;
using Lessons.Infrastructure;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var port = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var reference = int.Parse(args[2], CultureInfo.InvariantCulture);
var serverPid = args.Length > 3 ? args[3] : null;

// utime + stime of a process, from /proc (clock ticks of 10 ms).
TimeSpan ServerCpu() => serverPid is null ? TimeSpan.Zero
    : TimeSpan.FromMilliseconds(10 * File.ReadAllText($"/proc/{serverPid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Skip(11).Take(2).Sum(t => long.Parse(t, CultureInfo.InvariantCulture)));

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Email:Delivery"] = "Smtp",
    ["Email:Smtp:Host"] = "127.0.0.1",
    ["Email:Smtp:Port"] = port,
    ["Email:Smtp:MessagesPerSecond"] = "0",     // as fast as the server answers: the figure is the ceiling
    ["ConnectionStrings:Lessons"] = "Data Source=:memory:",     // registered, never opened
}).Build();
await using var services = new ServiceCollection()
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton(TimeProvider.System)
    .AddInfrastructure(configuration)
    .BuildServiceProvider();
var sender = services.GetRequiredService<IEmailSender>();

// A digest of twenty items: about the size the weekly digest has.
var html = new StringBuilder("<h1>20 nya rapporter åt dig</h1>");
var text = new StringBuilder("20 nya rapporter åt dig\n\n");
for (var i = 1; i <= 20; i++)
{
    html.Append(CultureInfo.InvariantCulture, $"<h2><a href=\"https://lessons.example.se/rapporter/{Guid.NewGuid()}\">Rapport {i}: e-tjänst för bygglov i kommunen</a></h2>")
        .Append("<p>Umeå kommun · Gick inte som planerat · Införande</p><p>Vi lärde oss att involvera handläggarna tidigt och att testa med riktiga ärenden innan lansering.</p><p>Du följer: Upphandling och avtal</p>");
    text.Append(CultureInfo.InvariantCulture, $"Rapport {i}: e-tjänst för bygglov i kommunen\nhttps://lessons.example.se/rapporter/{Guid.NewGuid()}\n")
        .Append("Umeå kommun · Gick inte som planerat · Införande\nVi lärde oss att involvera handläggarna tidigt och att testa med riktiga ärenden innan lansering.\n\n");
}
EmailMessage Message(int n) => new($"prenumerant{n}@exempel.se", "Lärdomar: 20 nya rapporter åt dig", text.ToString(), html.ToString(),
    new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<https://lessons.example.se/prenumerera/avsluta/{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}>, <mailto:avsluta@lessons.example.se>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        ["List-Id"] = "Lessons <veckosammanfattning.lessons.example.se>",
    },
    $"digest.{Guid.NewGuid():N}.{n}@lessons.example.se");

Console.WriteLine($"message: {Encoding.UTF8.GetByteCount(html.ToString()) + Encoding.UTF8.GetByteCount(text.ToString())} bytes of HTML and text");

// Warm-up (JIT, first connection), not counted.
await using (var warm = await sender.OpenBatchAsync(CancellationToken.None))
{
    for (var i = 0; i < 200; i++) await warm.SendAsync(Message(i), CancellationToken.None);
}

var failed = 0;
var (clientCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime, ServerCpu());
var clock = Stopwatch.StartNew();
await using (var batch = await sender.OpenBatchAsync(CancellationToken.None))
{
    for (var i = 0; i < count; i++)
        if ((await batch.SendAsync(Message(i), CancellationToken.None)).Outcome != SendOutcome.Sent) failed++;
}
clock.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"one batch (one connection): {count} messages in {clock.Elapsed.TotalSeconds:F2} s = {count / clock.Elapsed.TotalSeconds:F0} messages/s, {failed} failed"));
var clientPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / count;
var serverPerMessage = (ServerCpu() - serverCpu).TotalMilliseconds / count;
if (serverPid is not null)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  CPU per message: sender {clientPerMessage:F2} ms, server {serverPerMessage:F2} ms; on two idle cores (one each) at most {1000 / Math.Max(clientPerMessage, serverPerMessage):F0} messages/s"));

(clientCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime, ServerCpu());
clock.Restart();
for (var i = 0; i < reference; i++) await sender.SendAsync(Message(i), CancellationToken.None);
clock.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"reference, a fresh connection per message: {reference} messages in {clock.Elapsed.TotalSeconds:F2} s = {reference / clock.Elapsed.TotalSeconds:F0} messages/s"));
if (serverPid is not null)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  CPU per message: sender {(Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / reference:F2} ms, server {(ServerCpu() - serverCpu).TotalMilliseconds / reference:F2} ms"));
