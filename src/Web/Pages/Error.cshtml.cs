using Lessons.Application.Common.Errors;
using Lessons.Web.Infrastructure;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages;

/// <summary>Every error page: re-executed by the exception handler and by status-code pages, in the reader's language.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Heading { get; private set; } = "Något gick fel";

    public string Message { get; private set; } = "";

    // Nothing is model-bound here: re-execution keeps the failed request's method and body, and a posted "code"
    // field (or a body that cannot be read at all) must not decide what the error page answers.
    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // Re-execution keeps the method, so an API client's PUT, PATCH or DELETE gets its error page too.
    public IActionResult OnPut() => Show();

    public IActionResult OnPatch() => Show();

    public IActionResult OnDelete() => Show();

    private IActionResult Show()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure?.Error is SignInRequiredException)
        {
            logger.LogInformation("{Path} needs a signed-in user", failure.Path);
            return Redirect("/konto/logga-in?ReturnUrl=" + Uri.EscapeDataString(failure.Path));
        }

        var (status, reason) = failure is null ? (ErrorStatus(), null) : ErrorMapping.Classify(failure.Error);
        // The exception handler logs only unexpected failures (ErrorMapping.IsExpected); the expected ones are
        // the visitor's mistakes, worth a line but not a stack trace.
        if (failure is not null && status < 500)
            logger.LogInformation("{Path} answered {Status}: {Exception}: {Reason}", failure.Path, status, failure.Error.GetType().Name, failure.Error.Message);
        Response.StatusCode = status;
        // An API client gets the API's contract (problem+json) for a path or method it has no endpoint for, too,
        // in the API's language.
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? failure?.Path;
        var api = path is not null && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        if (api) ErrorMapping.UseApiLanguage(Request);
        (Heading, Message) = Describe(status, reason);
        if (api)
            return new JsonResult(new ProblemDetails { Status = status, Title = UiText.Get(Message) }) { StatusCode = status, ContentType = "application/problem+json" };
        return Page();
    }

    private static (string Heading, string Message) Describe(int status, string? reason) =>
        status switch
        {
            404 => ("Sidan finns inte", "Sidan eller rapporten finns inte, eller så saknar du behörighet att se den."),
            401 => ("Logga in", "Du behöver logga in för att göra det här."),
            403 => ("Du saknar behörighet", reason ?? "Du har inte behörighet att se den här sidan."),
            400 => ("Felaktig förfrågan", reason ?? "Förfrågan kunde inte tolkas."),
            405 => ("Felaktig förfrågan", "Sidan kan inte ta emot den sortens förfrågan."),
            413 => ("För mycket på en gång", "Förfrågan var för stor. Korta texten och försök igen."),
            429 => ("För många försök", "Vänta en minut och försök igen."),
            _ when status < 500 => ("Felaktig förfrågan", "Förfrågan kunde inte tolkas."),
            _ => ("Något gick fel", "Något gick fel hos oss. Försök igen om en stund."),
        };

    /// <summary>A status-code page shows the status it re-executes for; a visit to /fel, /fel/200 or /fel/999 is a
    /// page that does not exist.</summary>
    private int ErrorStatus()
    {
        var code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        return code is >= 400 and <= 599 ? code.Value : StatusCodes.Status404NotFound;
    }
}
