using Microsoft.AspNetCore.Identity;

namespace Lessons.Infrastructure.Identity;

/// <summary>Identity's messages in Swedish. The ones about user names are phrased for e-mail addresses, which we use as names.</summary>
internal sealed class SwedishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Det finns redan ett konto för {email}.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Det finns redan ett konto för {userName}.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"\"{email}\" är ingen giltig e-postadress.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"\"{userName}\" är ingen giltig e-postadress.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Lösenordet måste ha minst {length} tecken. Ett långt lösenord med flera ord är både säkert och lätt att minnas.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Länken är ogiltig eller för gammal. Be om en ny.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Fel lösenord.");
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Något gick fel. Försök igen.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Kontot ändrades samtidigt av någon annan. Försök igen.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Kontot kan inte låsas.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
