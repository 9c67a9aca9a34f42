using FluentValidation;

using Lessons.Application.Common.Security;
using Lessons.Domain.Subscriptions;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Digests.Queries;

/// <summary>
/// The digest an address would get if a run started now: the reports first published since its previous digest (or
/// its confirmation) that match its follows. When there is none, <see cref="DigestPreview.Reason"/> says why.
/// </summary>
public sealed record PreviewDigestQuery(string Email) : IRequest<DigestPreview>, IRequireAdmin;

/// <param name="Language">The language the digest is written in: the subscriber's (<see cref="Domain.LanguageCodes"/>).</param>
public sealed record DigestPreview(
    string Email, string? Reason, string Subject = "", string Text = "", string Html = "", int Items = 0, string Language = Domain.LanguageCodes.Swedish)
{
    public bool HasDigest => Reason is null;
}

public sealed class PreviewDigestValidator : AbstractValidator<PreviewDigestQuery>
{
    public PreviewDigestValidator() =>
        RuleFor(q => q.Email).NotEmpty().MaximumLength(256).WithMessage("Ange en e-postadress.").OverridePropertyName("email");
}

internal sealed class PreviewDigestHandler(Common.Ports.ILessonsDbContext db, DigestComposer composer, TimeProvider clock)
    : IRequestHandler<PreviewDigestQuery, DigestPreview>
{
    public async ValueTask<DigestPreview> Handle(PreviewDigestQuery query, CancellationToken ct)
    {
        var email = Subscriber.NormaliseEmail(query.Email);
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Email == email, ct);
        var reason = subscriber?.Status switch
        {
            null => "Adressen prenumererar inte (okänd adress).",
            SubscriberStatus.Pending => "Adressen har inte bekräftat prenumerationen än (obekräftad).",
            SubscriberStatus.Unsubscribed => "Adressen har avslutat prenumerationen (avregistrerad).",
            SubscriberStatus.Suspended => "Adressen är avstängd efter upprepade leveransfel (avstängd).",
            _ => null,
        };
        if (reason is not null) return new DigestPreview(email, reason);

        var now = clock.GetUtcNow();
        var one = db.Subscribers.Where(s => s.Id == subscriber!.Id);
        var window = (await composer.WindowsAsync(one, now, ct)).SingleOrDefault();
        if (window is not null)
        {
            var follows = db.Follows.Where(f => f.SubscriberId == window.Id);
            var matches = await composer.MatchAsync(window.WindowStart, now, follows, ct);
            var own = await follows.AsNoTracking().Select(f => new { f.Kind, f.Key }).ToListAsync(ct);
            var readers = await composer.MembersOnlyReadersAsync([window], ct);
            var digest = await composer.ComposeAsync(window, now, [.. own.Select(f => (f.Kind, f.Key))],
                readers.Contains(window.Id), matches, composer.Fragments(), ct);
            if (digest is not null)
                return new DigestPreview(email, null, digest.Content.Subject, digest.Text, digest.Html, digest.ReportIds.Count, subscriber!.PreferredLanguage);
        }
        return new DigestPreview(email, "Inget nytt sedan förra veckobrevet bland det adressen följer (inget nytt).");
    }
}
