namespace Lessons.Domain.Subscriptions;

/// <summary>
/// Someone who gets the weekly digest: an e-mail address, with or without an account. Nothing is sent before the
/// address is confirmed (double opt-in); the instant of confirmation starts the first digest's window.
/// </summary>
public sealed class Subscriber
{
    public const int MaxFollows = 100;

    private readonly List<Follow> follows = [];

    private Subscriber() { }

    public Subscriber(Guid id, string email, DateTimeOffset now, Guid? memberId = null, string language = LanguageCodes.Swedish)
    {
        Id = id;
        Email = NormaliseEmail(email);
        MemberId = memberId;
        Status = SubscriberStatus.Pending;
        CreatedAt = now;
        PreferredLanguage = LanguageCodes.Checked(language, nameof(PreferredLanguage));
    }

    public Guid Id { get; private set; }

    /// <summary>Trimmed and lower-case, so one address is one subscriber.</summary>
    public string Email { get; private set; } = "";

    /// <summary>The member's account, when a signed-in member subscribes; null for an address alone.</summary>
    public Guid? MemberId { get; private set; }

    public SubscriberStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The language of the digest and of every other mail to the address (<see cref="LanguageCodes"/>).</summary>
    public string PreferredLanguage { get; private set; } = LanguageCodes.Swedish;

    /// <summary>The first confirmation. Reports first published before it never appear in a digest.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? UnsubscribedAt { get; private set; }

    /// <summary>Permanent delivery failures in a row; reset by a delivered mail.</summary>
    public int PermanentFailures { get; private set; }

    public IReadOnlyList<Follow> Follows => follows;

    public bool ReceivesDigests => Status == SubscriberStatus.Confirmed;

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public void Confirm(DateTimeOffset now)
    {
        // Confirming again (a second click, a member re-subscribing) keeps the first instant: moving it would skip
        // or repeat reports in the window.
        if (Status == SubscriberStatus.Suspended)
            throw new DomainRuleException("Adressen är avstängd efter upprepade leveransfel.", "email");
        ConfirmedAt ??= now;
        Status = SubscriberStatus.Confirmed;
        UnsubscribedAt = null;
    }

    /// <summary>Cancels everything; the follows are kept so that a new subscription restores them.</summary>
    public void Unsubscribe(DateTimeOffset now)
    {
        if (Status == SubscriberStatus.Unsubscribed) return;
        Status = SubscriberStatus.Unsubscribed;
        UnsubscribedAt = now;
    }

    /// <summary>A new subscription of an address that had unsubscribed starts a new double opt-in.</summary>
    public void Resubscribe()
    {
        if (Status == SubscriberStatus.Unsubscribed) Status = SubscriberStatus.Pending;
    }

    public void LinkMember(Guid memberId) => MemberId ??= memberId;

    public bool AddFollow(Follow follow)
    {
        if (follow.SubscriberId != Id) throw new DomainRuleException("Bevakningen hör till någon annan.", "follows");
        if (follows.Any(f => f.Is(follow.Kind, follow.Key))) return false;
        if (follows.Count >= MaxFollows)
            throw new DomainRuleException($"Högst {MaxFollows} bevakningar per prenumeration.", "follows");
        follows.Add(follow);
        return true;
    }

    public bool RemoveFollow(Guid followId) => follows.RemoveAll(f => f.Id == followId) > 0;

    /// <summary>Replaces the follows with <paramref name="wanted"/>, keeping the rows (and their ids) that stay.</summary>
    public void ReplaceFollows(IReadOnlyCollection<Follow> wanted)
    {
        follows.RemoveAll(f => !wanted.Any(w => f.Is(w.Kind, w.Key)));
        foreach (var w in wanted) AddFollow(w);
    }

    public void RecordPermanentFailure(int threshold)
    {
        PermanentFailures++;
        if (PermanentFailures >= threshold) Status = SubscriberStatus.Suspended;
    }

    public void RecordDelivered() => PermanentFailures = 0;

    public void ChooseLanguage(string language) => PreferredLanguage = LanguageCodes.Checked(language, nameof(PreferredLanguage));
}
