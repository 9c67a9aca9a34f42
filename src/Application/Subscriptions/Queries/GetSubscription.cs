using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Domain.Subscriptions;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Subscriptions.Queries;

public sealed record FollowView(Guid Id, FollowKind Kind, string Key, string Label);

/// <param name="Language">The language of the subscriber's mails (<see cref="Domain.LanguageCodes"/>).</param>
public sealed record SubscriptionView(string Email, SubscriberStatus Status, IReadOnlyList<FollowView> Follows, string Language)
{
    /// <summary>The follows as the subscribe form's choice, to tick its boxes.</summary>
    public FollowChoice Choice => new()
    {
        Principles = [.. Follows.Where(f => f.Kind == FollowKind.Principle).Select(f => f.Key)],
        Challenges = [.. Follows.Where(f => f.Kind == FollowKind.Challenge).Select(f => f.Key)],
        Organisations = [.. Follows.Where(f => f.Kind == FollowKind.Organisation).Select(f => f.Key)],
        OrganisationTypes = [.. Follows.Where(f => f.Kind == FollowKind.OrganisationType).Select(f => f.Key)],
        Queries = [.. Follows.Where(f => f.Kind == FollowKind.Search).Select(f => f.Key)],
    };
}

/// <summary>The manage page of a link in a mail: whoever holds the token is the subscriber.</summary>
public sealed record GetSubscriptionQuery(string Token) : IRequest<SubscriptionView>;

public sealed class GetSubscriptionValidator : AbstractValidator<GetSubscriptionQuery>
{
    public GetSubscriptionValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
}

internal sealed class GetSubscriptionHandler(ILessonsDbContext db, ISubscriberTokens tokens)
    : IRequestHandler<GetSubscriptionQuery, SubscriptionView>
{
    public async ValueTask<SubscriptionView> Handle(GetSubscriptionQuery query, CancellationToken ct)
    {
        var id = tokens.Read(query.Token, SubscriberTokenPurpose.Manage) ?? throw new NotFoundException("Subscription", "token");
        var subscriber = await db.Subscribers.AsNoTracking().Include(s => s.Follows).SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("Subscription", id);
        return await ViewAsync(db, subscriber, ct);
    }

    /// <summary>The subscriber's follows with their Swedish labels, for the manage page and the account page alike.</summary>
    internal static async Task<SubscriptionView> ViewAsync(ILessonsDbContext db, Subscriber subscriber, CancellationToken ct)
    {
        var organisationIds = subscriber.Follows.Where(f => f.Kind == FollowKind.Organisation)
            .Select(f => Guid.Parse(f.Key)).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, ct);
        var follows = subscriber.Follows
            .OrderBy(f => f.Kind).ThenBy(f => f.CreatedAt)
            .Select(f => new FollowView(f.Id, f.Kind, f.Key, Label(f, names))).ToList();
        return new SubscriptionView(subscriber.Email, subscriber.Status, follows, subscriber.PreferredLanguage);
    }

    private static string Label(Follow follow, IReadOnlyDictionary<string, string> organisations) => follow.Kind switch
    {
        FollowKind.Principle => Vocabulary.Principles.LabelOfKey(follow.Key),
        FollowKind.Challenge => Vocabulary.Challenges.LabelOfKey(follow.Key),
        FollowKind.OrganisationType => Vocabulary.OrganisationTypes.LabelOfKey(follow.Key),
        FollowKind.Organisation => organisations.GetValueOrDefault(follow.Key, "Okänd organisation"),
        _ => "Sökningen " + (follow.Search?.Text is { Length: > 0 } text ? $"\"{text}\"" : "med filter"),
    };
}
