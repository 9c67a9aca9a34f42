using Lessons.Application.Common.Errors;
using Lessons.Domain;

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lessons.Web.Infrastructure;

internal static class ModelStateExtensions
{
    /// <summary>
    /// Puts the messages of a failed request into ModelState, keyed by the form's field names, so the page shows them
    /// beside the fields and in the error summary. Returns false for other exceptions, which then propagate.
    /// </summary>
    public static bool TryAddRequestErrors(this ModelStateDictionary modelState, Exception exception, string prefix = "")
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                foreach (var (field, messages) in validation.Errors)
                    foreach (var message in messages) modelState.AddModelError(Key(prefix, field), message);
                return true;
            case DomainRuleException rule:
                modelState.AddModelError(rule.Field is null ? "" : Key(prefix, rule.Field), rule.Message);
                return true;
            case ForbiddenException forbidden:
                modelState.AddModelError("", forbidden.Message);
                return true;
            default:
                return false;
        }
    }

    private static string Key(string prefix, string field) =>
        string.IsNullOrEmpty(field) ? prefix.TrimEnd('.') : prefix + field;
}
