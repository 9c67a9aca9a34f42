using Lessons.Application.Common.Errors;
using Lessons.Web.Infrastructure;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

/// <summary>Every error page: re-executed by the exception handler and by status-code pages, in Swedish.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Något gick fel";

    public string Message { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure?.Error is SignInRequiredException)
            return Redirect("/konto/logga-in?ReturnUrl=" + Uri.EscapeDataString(failure.Path));

        var status = code ?? (failure is null ? 500 : ErrorMapping.Classify(failure.Error).Status);
        Response.StatusCode = status;
        (Heading, Message) = status switch
        {
            404 => ("Sidan finns inte", "Sidan eller rapporten finns inte, eller så saknar du behörighet att se den."),
            403 => ("Du saknar behörighet", failure?.Error.Message ?? "Du har inte behörighet att se den här sidan."),
            400 => ("Felaktig förfrågan", failure?.Error.Message ?? "Förfrågan kunde inte tolkas."),
            429 => ("För många försök", "Vänta en minut och försök igen."),
            _ => ("Något gick fel", "Något gick fel hos oss. Försök igen om en stund."),
        };
        return Page();
    }
}
