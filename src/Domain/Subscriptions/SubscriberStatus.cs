namespace Lessons.Domain.Subscriptions;

public enum SubscriberStatus
{
    /// <summary>Subscribed, but the link in the confirmation mail has not been confirmed: nothing is sent.</summary>
    Pending,

    Confirmed,

    /// <summary>Asked to get nothing more. The follows are kept, so subscribing again restores them.</summary>
    Unsubscribed,

    /// <summary>The address failed permanently too many times. The follows are kept and shown on the manage page.</summary>
    Suspended,
}
