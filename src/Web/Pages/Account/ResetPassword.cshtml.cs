using Lessons.Infrastructure.Identity;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<LessonsUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty] public string? Password { get; set; }

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountEmails.Decode(Code);
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Välj ett nytt lösenord.");
        else if (user is null || token is null) ModelState.AddModelError("", "Länken är ogiltig eller för gammal. Be om en ny.");
        else
        {
            var result = await users.ResetPasswordAsync(user, token, Password);
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "", error.Description);
            Done = result.Succeeded;
        }
        if (!Done) Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
