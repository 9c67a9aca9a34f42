using System.Globalization;

namespace Lessons.Domain.Subscriptions;

/// <summary>
/// One run of the digest, scheduled or manual. Its cutoff is fixed when the run is created and never moves: every
/// delivery of the run holds the reports first published in [subscriber's previous cutoff, this cutoff).
/// </summary>
public sealed class DigestRun
{
    private DigestRun() { }

    private DigestRun(Guid id, DateTimeOffset cutoff, string isoWeek, string? scheduleKey, DateTimeOffset now)
    {
        Id = id;
        Cutoff = cutoff;
        IsoWeek = isoWeek;
        ScheduleKey = scheduleKey;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset Cutoff { get; private set; }

    /// <summary>The ISO week of the cutoff in the digest's time zone, e.g. <c>2026-W49</c>.</summary>
    public string IsoWeek { get; private set; } = "";

    /// <summary>
    /// <c>scheduled:2026-W49</c> for the scheduled run, unique in the database so that several nodes create one
    /// run per week; null for a manual run (<c>digest --send-now</c>).
    /// </summary>
    public string? ScheduleKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set when every due subscriber has a delivery: composing is over and only sending remains.</summary>
    public DateTimeOffset? ComposedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A node works a run only while it holds the lease; a run whose lease expired is resumed by any node.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public static DigestRun Scheduled(DateTimeOffset cutoff, TimeZoneInfo zone, DateTimeOffset now)
    {
        var week = WeekOf(cutoff, zone);
        return new(Guid.NewGuid(), cutoff, week, "scheduled:" + week, now);
    }

    public static DigestRun Manual(DateTimeOffset now, TimeZoneInfo zone) => new(Guid.NewGuid(), now, WeekOf(now, zone), null, now);

    public static string WeekOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
    }

    public bool TryTakeLease(string owner, DateTimeOffset now, TimeSpan length)
    {
        if (LeaseOwner is not null && LeaseOwner != owner && LeaseExpiresAt > now) return false;
        LeaseOwner = owner;
        LeaseExpiresAt = now + length;
        return true;
    }

    public void MarkComposed(DateTimeOffset now) => ComposedAt ??= now;

    public void Complete(DateTimeOffset now)
    {
        CompletedAt ??= now;
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }
}
