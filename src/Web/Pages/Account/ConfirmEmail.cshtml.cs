using Lessons.Application.Members.Commands;
using Lessons.Infrastructure.Identity;

using Mediator;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<LessonsUser> users, ISender sender) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        var user = Guid.TryParse(userId, out _) ? await users.FindByIdAsync(userId!) : null;
        if (user is null || token is null || !(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await sender.Send(new ActivateMemberCommand(user.Id, user.Email!, user.DisplayName), ct);
        Confirmed = true;
        return Page();
    }
}
