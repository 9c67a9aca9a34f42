using Lessons.Application.Common.Errors;
using Lessons.Domain;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// One place that turns the Application's exceptions into answers: problem+json naming the field for the API, and
/// for pages a re-execution of /fel, which shows the Swedish message with the right status. Bad input is never a 500.
/// </summary>
internal sealed class ErrorMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static (int Status, string Title) Classify(Exception exception) => exception switch
    {
        ValidationFailedException => (StatusCodes.Status400BadRequest, "Uppgifterna är inte giltiga."),
        DomainRuleException e => (StatusCodes.Status400BadRequest, e.Message),
        NotFoundException => (StatusCodes.Status404NotFound, "Sidan eller rapporten finns inte, eller så saknar du behörighet att se den."),
        SignInRequiredException e => (StatusCodes.Status401Unauthorized, e.Message),
        ForbiddenException e => (StatusCodes.Status403Forbidden, e.Message),
        BadHttpRequestException e => (e.StatusCode, "Förfrågan är felaktig."),
        _ => (StatusCodes.Status500InternalServerError, "Något gick fel hos oss. Försök igen om en stund."),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsApi(context)) return false;      // pages: the middleware re-executes /fel
        var (status, title) = Classify(exception);
        context.Response.StatusCode = status;
        var problem = exception switch
        {
            ValidationFailedException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = title },
            DomainRuleException { Field: { } field } d => new ValidationProblemDetails(
                new Dictionary<string, string[]> { [field] = [d.Message] }) { Title = title },
            _ => new ProblemDetails { Title = title },
        };
        problem.Status = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
