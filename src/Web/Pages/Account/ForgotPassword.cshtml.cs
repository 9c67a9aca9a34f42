using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<LessonsUser> users, AccountEmails emails) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), UiText.Get("Skriv din e-postadress."));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Same answer whether or not the address has an account. Unconfirmed accounts get the link too: it proves the
        // mailbox, and the password chosen through it replaces one a stranger may have registered the address with.
        if (await users.FindByEmailAsync(Email.Trim()) is { } user)
            await emails.SendPasswordResetAsync(user, ct);
        Sent = true;
        return Page();
    }
}
