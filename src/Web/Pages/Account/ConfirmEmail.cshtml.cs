using Lessons.Application.Members.Commands;
using Lessons.Infrastructure.Identity;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

/// <summary>
/// The link in the mail opens a form and confirms nothing: mail scanners follow links. Confirming takes the password
/// too, so the address is activated only by someone who holds both the mailbox and the password it was registered
/// with (pre-account hijacking: a stranger who registered the address first knows a password the owner does not).
/// </summary>
public sealed class ConfirmEmailModel(UserManager<LessonsUser> users, PasswordGuard guard, ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty] public string? Password { get; set; }

    public bool Confirmed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), UiText.Get("Skriv lösenordet du valde när du skapade kontot."));
            return Invalid();
        }
        var token = AccountEmails.Decode(Code);
        var user = Guid.TryParse(UserId, out _) ? await users.FindByIdAsync(UserId!) : null;
        // Through the guard, so this form is no way around the sign-in's back-off.
        if (user is null || token is null || (await guard.CheckAsync(user, Password, ct)).Check != PasswordCheck.Right
            || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            ModelState.AddModelError("", UiText.Get("Länken är ogiltig eller för gammal, eller så är det inte lösenordet du valde när du skapade kontot."));
            return Invalid();
        }
        await sender.Send(new ActivateMemberCommand(user.Id, user.Email!, user.DisplayName, Languages.Current), ct);
        Confirmed = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
