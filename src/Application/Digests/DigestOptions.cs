namespace Lessons.Application.Digests;

/// <summary>The <c>Digest</c> section of the settings: when the weekly run is, and how it behaves.</summary>
public sealed class DigestOptions
{
    /// <summary>Whether the site's scheduler creates and works runs. <c>digest --send-now</c> works either way.</summary>
    public bool Enabled { get; set; } = true;

    public DayOfWeek DayOfWeek { get; set; } = DayOfWeek.Monday;

    /// <summary>The local time of the cutoff in <see cref="TimeZone"/>.</summary>
    public TimeSpan TimeOfDay { get; set; } = new(7, 0, 0);

    /// <summary>An IANA zone. ISO weeks (one digest per subscriber and week) are counted in it too.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after the site has started the first check waits (real time, not the schedule's clock), so
    /// its queries do not compete with the first pages for the cores. The cutoff is the schedule's: a check seconds
    /// later sends the same digest.</summary>
    public TimeSpan FirstCheckDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Items listed in one digest; the rest are "och N till" with a link to the search.</summary>
    public int Cap { get; set; } = 20;

    /// <summary>Permanent delivery failures in a row after which an address is suspended (its follows kept).</summary>
    public int SuspendAfter { get; set; } = 3;

    /// <summary>How long a node may work a run without renewing its claim; after that another node resumes it.</summary>
    public TimeSpan LeaseLength { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Batches of subscribers composed at once, each with its own database connection: one per core by default.</summary>
    public int ComposeWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Deliveries claimed at a time: after a crash, at most this many are left in <c>sending</c>.</summary>
    public int SendChunk { get; set; } = 20;

    /// <summary>The mailbox of the <c>mailto:</c> in <c>List-Unsubscribe</c>; <c>unsubscribe@</c> the site's host when empty.</summary>
    public string? UnsubscribeMailbox { get; set; }

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
