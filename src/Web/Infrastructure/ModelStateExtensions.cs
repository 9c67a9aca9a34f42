using System.Runtime.CompilerServices;

using Lessons.Application.Common.Errors;
using Lessons.Domain;

using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Lessons.Web.Infrastructure;

internal static class ModelStateExtensions
{
    /// <summary>The order in which a request's errors were found: the validators check fields in the form's order,
    /// while ModelState lists its keys in an order of its own.</summary>
    private static readonly ConditionalWeakTable<ModelStateDictionary, List<string>> FoundOrder = [];

    /// <summary>The fields with errors, in the order the request found them (the form's), then any others.</summary>
    public static IEnumerable<KeyValuePair<string, ModelStateEntry>> ErrorsInFormOrder(this ModelStateDictionary modelState)
    {
        var order = FoundOrder.TryGetValue(modelState, out var found) ? found : [];
        return modelState.Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => KeyValuePair.Create(e.Key, e.Value!))
            .OrderBy(e => order.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue);
    }

    private static void AddInOrder(ModelStateDictionary modelState, string field, string message)
    {
        modelState.AddModelError(field, message);
        var order = FoundOrder.GetOrCreateValue(modelState);
        if (!order.Contains(field)) order.Add(field);
    }

    /// <summary>
    /// Puts the messages of a failed request into ModelState, keyed by the form's field names, so the page shows them
    /// beside the fields and in the error summary. Returns false for other exceptions, which then propagate.
    /// Validation keys already name the request's properties as the forms do (<c>Input.Title</c>); a domain rule
    /// names a field of the entity, which <paramref name="domainPrefix"/> places in the form. Messages are Swedish, and
    /// the key of their English text: they are shown in the reader's language.
    /// </summary>
    public static bool TryAddRequestErrors(this ModelStateDictionary modelState, Exception exception, string domainPrefix = "")
    {
        switch (exception)
        {
            case ValidationFailedException validation:
                foreach (var (field, messages) in validation.Errors)
                    foreach (var message in messages) AddInOrder(modelState, field, UiText.Get(message));
                return true;
            case DomainRuleException rule:
                AddInOrder(modelState, rule.Field is null ? "" : domainPrefix + rule.Field, UiText.Get(rule.Message));
                return true;
            case ForbiddenException forbidden:
                modelState.AddModelError("", UiText.Get(forbidden.Message));
                return true;
            default:
                return false;
        }
    }
}
