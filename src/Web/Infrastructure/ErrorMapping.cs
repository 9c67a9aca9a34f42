using System.Globalization;

using Lessons.Application.Common.Errors;
using Lessons.Domain;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// One place that turns the Application's exceptions into answers: problem+json naming the field for the API (an
/// endpoint filter on the /api group), and for pages the exception handler's re-execution of /fel, which shows the
/// Swedish message with the right status. Bad input is never a 500.
/// </summary>
internal static class ErrorMapping
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Failures that are the caller's (400, 401, 403, 404): logged briefly by the error page, not as errors
    /// with a stack trace by the exception handler.</summary>
    public static bool IsExpected(Exception exception) => Classify(exception).Status < 500;

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        ValidationFailedException => (StatusCodes.Status400BadRequest, "Uppgifterna är inte giltiga."),
        DomainRuleException e => (StatusCodes.Status400BadRequest, e.Message),
        NotFoundException => (StatusCodes.Status404NotFound, "Sidan eller rapporten finns inte, eller så saknar du behörighet att se den."),
        SignInRequiredException e => (StatusCodes.Status401Unauthorized, e.Message),
        ForbiddenException e => (StatusCodes.Status403Forbidden, e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Förfrågan är för stor."),
        BadHttpRequestException e => (e.StatusCode, "Förfrågan är felaktig."),
        // A body that cannot be read as a form (a NUL character, too many fields, a value too long) is the sender's fault.
        InvalidDataException or AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "Förfrågan kunde inte tolkas."),
        _ => (StatusCodes.Status500InternalServerError, "Något gick fel hos oss. Försök igen om en stund."),
    };

    /// <summary>The API's answer for an exception: problem+json naming the field where there is one, its title and
    /// messages in the request's language (<see cref="UseApiLanguage"/>).</summary>
    public static IResult ToProblem(Exception exception)
    {
        var (status, swedishTitle) = Classify(exception);
        var title = UiText.Get(swedishTitle);
        ProblemDetails problem = exception switch
        {
            ValidationFailedException v => new ValidationProblemDetails(
                v.Errors.ToDictionary(e => e.Key, e => e.Value.Select(UiText.Get).ToArray())) { Title = title },
            DomainRuleException { Field: { } field } d => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [field] = [UiText.Get(d.Message)] }) { Title = title },
            _ => new ProblemDetails { Title = title },
        };
        problem.Status = status;
        return TypedResults.Problem(problem);
    }

    /// <summary>Wraps every API endpoint: known failures become problem+json; anything else is logged as a 500 problem.</summary>
    public static RouteGroupBuilder WithProblemDetails(this RouteGroupBuilder group) => group.AddEndpointFilter(async (context, next) =>
    {
        UseApiLanguage(context.HttpContext.Request);
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (Classify(e).Status >= 500)
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Lessons.Api").LogError(e, "API request failed");
            return ToProblem(e);
        }
    });

    /// <summary>
    /// The API speaks Swedish, like the site, unless the request asks for English: by Accept-Language, where the first
    /// of Swedish and English by preference decides, or else by the reader's own choice of the site's language (the
    /// cookie, <c>ui-culture</c>). Unlike the pages, a program that says it wants English gets it: nobody shares an
    /// API answer as a link. The culture is set for the rest of the endpoint; a subscription's mails still follow its
    /// own <c>language</c> field.
    /// </summary>
    public static void UseApiLanguage(HttpRequest request)
    {
        var asked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not <= 0)
            .OrderByDescending(l => l.Quality ?? 1)  // stable: equal preferences keep the header's order
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(v => IsLanguage(v, "en") || IsLanguage(v, "sv"));
        if (asked is null) return;
        var culture = IsLanguage(asked, "en") ? Languages.English : Languages.Swedish;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    private static bool IsLanguage(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
