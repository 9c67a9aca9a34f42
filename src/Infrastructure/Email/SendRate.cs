using System.Threading.RateLimiting;

namespace Lessons.Infrastructure.Email;

/// <summary>The pace of a batch: a token bucket, awaited without holding a thread.</summary>
internal static class SendRate
{
    /// <summary>None for 0 (as fast as the server answers).</summary>
    public static TokenBucketRateLimiterOptions? Options(double messagesPerSecond)
    {
        if (messagesPerSecond <= 0) return null;
        // Bursts of at most a tenth of a second's worth, refilled as a whole: the server sees an even pace, not a
        // second's messages at once, and the timer ticks at most ten times a second however high the rate.
        var burst = Math.Max(1, (int)Math.Ceiling(messagesPerSecond / 10));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = burst,
            ReplenishmentPeriod = TimeSpan.FromSeconds(burst / messagesPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    public static RateLimiter? Limiter(double messagesPerSecond) =>
        Options(messagesPerSecond) is { } options ? new TokenBucketRateLimiter(options) : null;
}
