using Lessons.Application.Members.Commands;
using Lessons.Infrastructure.Identity;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

/// <summary>
/// One answer for an unknown address, a wrong password and an account in its back-off; only someone who gave the
/// right password learns that the address still needs confirming.
/// </summary>
public sealed class LoginModel(
    SignInManager<LessonsUser> signIn, UserManager<LessonsUser> users, PasswordGuard guard, ISender sender, AccountEmails emails) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), UiText.Get("Skriv din e-postadress."));
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), UiText.Get("Skriv ditt lösenord."));
        if (!ModelState.IsValid) return Invalid();

        var user = await users.FindByEmailAsync(Email!.Trim());
        var attempt = await guard.CheckAsync(user, Password!, ct);
        if (attempt.WarnOwner) await emails.SendSignInWarningAsync(user!, ct);
        if (attempt.Check != PasswordCheck.Right)
        {
            ModelState.AddModelError("", UiText.Get("Fel e-postadress eller lösenord. Efter flera misslyckade försök får det gå en stund mellan försöken; "
                + "kommer du inte in kan du välja Glömt lösenordet."));
            return Invalid();
        }
        if (!user!.EmailConfirmed)
        {
            await emails.SendConfirmationAsync(user, ct);
            ModelState.AddModelError("", UiText.Get("Du behöver bekräfta din e-postadress först. Vi har skickat en ny länk."));
            return Invalid();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        await sender.Send(new ActivateMemberCommand(user.Id, user.Email!, user.DisplayName, Languages.Current), ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
