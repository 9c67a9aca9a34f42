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
            ModelState.AddModelError(nameof(Email), "Skriv din e-postadress.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Same answer whether or not the address has an account.
        if (await users.FindByEmailAsync(Email.Trim()) is { EmailConfirmed: true } user)
            await emails.SendPasswordResetAsync(user, Request, ct);
        Sent = true;
        return Page();
    }
}
