using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// Logs readiness when it changes, not at every probe: a node that is starting, opening its index or catching up with
/// the outbox is not ready, which is expected and said once at Information; a node that was ready and stops being so
/// says it once at Warning, naming the checks and their reasons; becoming ready again is Information.
/// </summary>
internal sealed partial class ReadinessLog(ILogger<ReadinessLog> logger)
{
    /// <summary>Where the framework logs each check's result (an unhealthy one as an error, at every probe).</summary>
    public const string FrameworkCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly System.Threading.Lock gate = new();
    private HealthStatus? last;
    private bool wasReady;

    public void Note(HealthReport report)
    {
        bool notReadyYet;
        lock (gate)
        {
            if (last == report.Status) return;
            last = report.Status;
            notReadyYet = !wasReady;
            if (report.Status != HealthStatus.Unhealthy) wasReady = true;
        }
        var reasons = string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString()}"));
        var failure = report.Entries.Values.Select(e => e.Exception).FirstOrDefault(e => e is not null);
        if (report.Status == HealthStatus.Healthy) Ready();
        else if (notReadyYet) NotReadyYet(failure, report.Status, reasons);
        else NoLongerReady(failure, report.Status, reasons);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: every readiness check is healthy")]
    private partial void Ready();

    [LoggerMessage(Level = LogLevel.Information, Message = "Not ready yet ({Status}): {Reasons}")]
    private partial void NotReadyYet(Exception? exception, HealthStatus status, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No longer ready ({Status}): {Reasons}")]
    private partial void NoLongerReady(Exception? exception, HealthStatus status, string reasons);
}
