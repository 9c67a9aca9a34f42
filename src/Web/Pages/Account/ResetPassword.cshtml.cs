using Lessons.Application.Members.Commands;
using Lessons.Infrastructure.Identity;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

/// <summary>
/// A new password through the mailed link. The link proves the mailbox and the password is the owner's own, so the
/// reset also confirms an unconfirmed address and ends a sign-in back-off. Identity renews the security stamp, which
/// ends every session of the account at its next request.
/// </summary>
public sealed class ResetPasswordModel(UserManager<LessonsUser> users, PasswordGuard guard, ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty] public string? Password { get; set; }

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var token = AccountEmails.Decode(Code);
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), UiText.Get("Välj ett nytt lösenord."));
        else if (user is null || token is null) ModelState.AddModelError("", UiText.Get("Länken är ogiltig eller för gammal. Be om en ny."));
        else
        {
            var result = await users.ResetPasswordAsync(user, token, Password);
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "", error.Description);
            Done = result.Succeeded;
        }
        if (Done)
        {
            await guard.ClearFailuresAsync(user!, ct);
            if (!user!.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
            }
            await sender.Send(new ActivateMemberCommand(user.Id, user.Email!, user.DisplayName), ct);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Password = null;
        return Page();
    }
}
