namespace Lessons.Application.Common.Ports;

public enum SubscriberTokenPurpose
{
    Confirm,

    /// <summary>Manage follows and unsubscribe; carried by every digest, so it keeps working for ever.</summary>
    Manage,
}

/// <summary>
/// Signed, unguessable tokens bound to one subscriber, for links in e-mail. A token of one purpose is not accepted
/// for another, and a forged or altered token reads as null.
/// </summary>
public interface ISubscriberTokens
{
    string Issue(Guid subscriberId, SubscriberTokenPurpose purpose);

    Guid? Read(string? token, SubscriberTokenPurpose purpose);
}
