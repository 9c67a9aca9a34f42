using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class RegisterModel(UserManager<LessonsUser> users, AccountEmails emails) : PageModel
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
        if (string.IsNullOrEmpty(DisplayName)) ModelState.AddModelError(nameof(DisplayName), "Skriv ditt namn.");
        else if (DisplayName.Length > 100) ModelState.AddModelError(nameof(DisplayName), "Namnet får vara högst 100 tecken.");
        if (string.IsNullOrEmpty(Email)) ModelState.AddModelError(nameof(Email), "Skriv din e-postadress.");
        else if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email) || Email.Length > 254)
            ModelState.AddModelError(nameof(Email), "Skriv en giltig e-postadress, till exempel namn@kommun.se.");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Välj ett lösenord.");
        if (!ModelState.IsValid) return Invalid();

        if (await users.FindByEmailAsync(Email!) is { } existing)
        {
            // The same answer as for a new address: whether an address has an account is not told to strangers.
            await emails.SendAlreadyRegisteredAsync(existing, Request, ct);
            Sent = true;
            return Page();
        }
        var user = new LessonsUser { UserName = Email, Email = Email, DisplayName = DisplayName! };
        var result = await users.CreateAsync(user, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            return Invalid();
        }
        await emails.SendConfirmationAsync(user, Request, ct);
        Sent = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
