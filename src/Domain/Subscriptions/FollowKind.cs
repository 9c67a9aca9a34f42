namespace Lessons.Domain.Subscriptions;

public enum FollowKind
{
    Principle,
    Challenge,
    Organisation,
    OrganisationType,
    Search,
}
