using Lessons.Application.Common.Ports;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Members.Queries;

/// <summary>
/// The language a member's mails are written in, or null before the account is confirmed (there is no member yet).
/// Asked by the account mails, which are sent to people who are not signed in (a forgotten password); it answers
/// nothing but a language code, for an id that only the account system knows.
/// </summary>
public sealed record GetMailLanguageQuery(Guid MemberId) : IRequest<string?>;

internal sealed class GetMailLanguageHandler(ILessonsDbContext db) : IRequestHandler<GetMailLanguageQuery, string?>
{
    public async ValueTask<string?> Handle(GetMailLanguageQuery query, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.Id == query.MemberId).Select(m => m.PreferredLanguage).SingleOrDefaultAsync(ct);
}
