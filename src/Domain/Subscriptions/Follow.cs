namespace Lessons.Domain.Subscriptions;

/// <summary>
/// One thing a subscriber follows. <see cref="Key"/> identifies it within its kind (a taxonomy key, an organisation
/// id, or a saved search's canonical query string), so a subscriber follows each thing once and the digest run can
/// evaluate each distinct follow once for everybody who has it.
/// </summary>
public sealed class Follow
{
    public const int MaxKeyLength = 1000;

    private Follow() { }

    private Follow(Guid id, Guid subscriberId, FollowKind kind, string key, SavedSearch? search, DateTimeOffset now)
    {
        if (key.Length == 0) throw new DomainRuleException("En bevakning behöver något att bevaka.", "follows");
        if (key.Length > MaxKeyLength) throw new DomainRuleException("Sökningen är för lång för att bevaka.", "queries");
        Id = id;
        SubscriberId = subscriberId;
        Kind = kind;
        Key = key;
        Search = search;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SubscriberId { get; private set; }

    public FollowKind Kind { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>Set only for <see cref="FollowKind.Search"/>.</summary>
    public SavedSearch? Search { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Follow Of(Guid subscriberId, FollowKind kind, string key, DateTimeOffset now) =>
        kind == FollowKind.Search
            ? throw new DomainRuleException("En sökning bevakas med sin sökning.", "queries")
            : new(Guid.NewGuid(), subscriberId, kind, key.Trim(), null, now);

    public static Follow OfSearch(Guid subscriberId, SavedSearch search, DateTimeOffset now)
    {
        var normalised = search.Normalised();
        return new(Guid.NewGuid(), subscriberId, FollowKind.Search, normalised.ToQueryString(), normalised, now);
    }

    public bool Is(FollowKind kind, string key) => Kind == kind && string.Equals(Key, key, StringComparison.Ordinal);
}
