namespace Lessons.Application.Digests;

/// <summary>
/// When scheduled runs are. The cutoff is the configured weekday and time in the configured zone, computed in local
/// time, so a week across a daylight-saving change is 167 or 169 hours long and the digest still goes at 07:00.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The latest scheduled cutoff at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestCutoff(DateTimeOffset now, DigestOptions options)
    {
        var zone = options.Zone();
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var daysBack = ((int)local.DayOfWeek - (int)options.DayOfWeek + 7) % 7;
        var day = local.Date.AddDays(-daysBack);
        var cutoff = Instant(day + options.TimeOfDay, zone);
        return cutoff <= now ? cutoff : Instant(day.AddDays(-7) + options.TimeOfDay, zone);
    }

    /// <summary>The first scheduled cutoff after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextCutoff(DateTimeOffset now, DigestOptions options)
    {
        var latest = TimeZoneInfo.ConvertTime(LatestCutoff(now, options), options.Zone()).DateTime;
        return Instant(latest.Date.AddDays(7) + options.TimeOfDay, options.Zone());
    }

    private static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        // A time the spring change skips is taken an hour later; one the autumn change repeats, at its first passing.
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}
