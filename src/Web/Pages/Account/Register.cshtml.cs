using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

/// <summary>
/// Registration answers the same, in about the same time, whether or not the address has an account: the password is
/// judged first, and every path does one password hash's work and sends one mail.
/// </summary>
public sealed class RegisterModel(UserManager<LessonsUser> users, PasswordGuard guard, AccountEmails emails) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Password { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Email = Email?.Trim();
        DisplayName = DisplayName?.Trim();
        if (string.IsNullOrEmpty(DisplayName)) ModelState.AddModelError(nameof(DisplayName), UiText.Get("Skriv ditt namn."));
        else if (DisplayName.Length > 100) ModelState.AddModelError(nameof(DisplayName), UiText.Get("Namnet får vara högst 100 tecken."));
        if (string.IsNullOrEmpty(Email)) ModelState.AddModelError(nameof(Email), UiText.Get("Skriv din e-postadress."));
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email) || Email.Length > 254)
            ModelState.AddModelError(nameof(Email), UiText.Get("Skriv en giltig e-postadress, till exempel namn@kommun.se."));
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), UiText.Get("Välj ett lösenord."));
        else
        {
            var candidate = new LessonsUser { UserName = Email, Email = Email, DisplayName = DisplayName ?? "" };
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, candidate, Password)).Errors)
                    ModelState.AddModelError(nameof(Password), error.Description);
        }
        if (!ModelState.IsValid) return Invalid();

        var existing = await users.FindByEmailAsync(Email!);
        if (existing is { EmailConfirmed: true })
        {
            guard.SpendHashWork(Password!);
            await emails.SendAlreadyRegisteredAsync(existing, ct);
        }
        else if (existing is not null)
        {
            // A pending registration is replaced, whoever made it: the confirmation link then goes with this password
            // and name, and the new security stamp voids the links mailed before (pre-account hijacking).
            existing.DisplayName = DisplayName!;
            existing.PasswordHash = users.PasswordHasher.HashPassword(existing, Password!);
            existing.AccessFailedCount = 0;
            existing.LockoutEnd = null;
            var replaced = await users.UpdateSecurityStampAsync(existing);
            if (!replaced.Succeeded) return Failed(replaced);
            await emails.SendConfirmationAsync(existing, ct);
        }
        else
        {
            var user = new LessonsUser { UserName = Email, Email = Email, DisplayName = DisplayName! };
            var created = await users.CreateAsync(user, Password!);
            if (!created.Succeeded) return Failed(created);
            await emails.SendConfirmationAsync(user, ct);
        }
        Sent = true;
        return Page();
    }

    private PageResult Failed(IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
