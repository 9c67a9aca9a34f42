using Lessons.Application.Members.Commands;
using Lessons.Infrastructure.Identity;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class LoginModel(SignInManager<LessonsUser> signIn, UserManager<LessonsUser> users, ISender sender, AccountEmails emails) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Skriv din e-postadress.");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Skriv ditt lösenord.");
        if (!ModelState.IsValid) return Invalid();

        var user = await users.FindByEmailAsync(Email!.Trim());
        // Failed attempts count towards lockout, so guessing a password is slow however it is tried.
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await sender.Send(new ActivateMemberCommand(user!.Id, user.Email!, user.DisplayName), ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
            ModelState.AddModelError("", "För många misslyckade försök. Kontot är låst i 15 minuter.");
        else if (result.IsNotAllowed)
        {
            await emails.SendConfirmationAsync(user!, Request, ct);
            ModelState.AddModelError("", "Du behöver bekräfta din e-postadress först. Vi har skickat en ny länk.");
        }
        else
            ModelState.AddModelError("", "Fel e-postadress eller lösenord.");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
