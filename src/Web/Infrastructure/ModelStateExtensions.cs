using Lessons.Application.Common.Errors;
using Lessons.Domain;

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lessons.Web.Infrastructure;

internal static class ModelStateExtensions
{
    /// <summary>
    /// Puts the messages of a failed request into ModelState, keyed by the form's field names, so the page shows them
    /// beside the fields and in the error summary. Returns false for other exceptions, which then propagate.
    /// Validation keys already name the request's properties as the forms do (<c>Input.Title</c>); a domain rule
    /// names a field of the entity, which <paramref name="domainPrefix"/> places in the form.
    /// </summary>
    public static bool TryAddRequestErrors(this ModelStateDictionary modelState, Exception exception, string domainPrefix = "")
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                foreach (var (field, messages) in validation.Errors)
                    foreach (var message in messages) modelState.AddModelError(field, message);
                return true;
            case DomainRuleException rule:
                modelState.AddModelError(rule.Field is null ? "" : domainPrefix + rule.Field, rule.Message);
                return true;
            case ForbiddenException forbidden:
                modelState.AddModelError("", forbidden.Message);
                return true;
            default:
                return false;
        }
    }
}
