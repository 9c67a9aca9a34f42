using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lessons.Infrastructure.Identity;

/// <summary>
/// The session cookie is checked against the account's security stamp on every request, so signing out and a new
/// password end every session of the account at its next request (a copied cookie included). The check is one
/// query by primary key. After a successful check the base class would also rebuild the principal (roles and claims,
/// three more queries) and reissue the cookie on every request; that is left to once per <see cref="RefreshAfter"/>,
/// as often as the whole check ran before, so a change of roles still reaches the cookie.
/// </summary>
internal sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<LessonsUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<LessonsUser>(options, signInManager, logger)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromMinutes(30);

    protected override Task SecurityStampVerified(LessonsUser user, CookieValidatePrincipalContext context) =>
        context.Properties.IssuedUtc is not { } issued || TimeProvider.GetUtcNow() - issued > RefreshAfter
            ? base.SecurityStampVerified(user, context)
            : Task.CompletedTask;
}
