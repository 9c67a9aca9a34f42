using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lessons.Infrastructure.Identity;

/// <summary>
/// Identity's messages in the reader's language: the Swedish is the key of the site's one resource, as in the views.
/// The ones about user names are phrased for e-mail addresses, which we use as names.
/// </summary>
internal sealed class SwedishIdentityErrors(IStringLocalizer text) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Det finns redan ett konto för {0}.", email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Det finns redan ett konto för {0}.", userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "\"{0}\" är ingen giltig e-postadress.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "\"{0}\" är ingen giltig e-postadress.", userName ?? "");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Lösenordet måste ha minst {0} tecken. Ett långt lösenord med flera ord är både säkert och lätt att minnas.", length);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Länken är ogiltig eller för gammal. Be om en ny.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Fel lösenord.");
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Något gick fel. Försök igen.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Kontot ändrades samtidigt av någon annan. Försök igen.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Kontot kan inte låsas.");

    private IdentityError Error(string code, string swedish, params object[] values) =>
        new() { Code = code, Description = text[swedish, values].Value };
}
