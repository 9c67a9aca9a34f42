using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Lessons.Web.Infrastructure;

/// <summary>
/// What keeps bad input from becoming a 500: limits on what a request may carry, a 405/404 for a request no page
/// handler answers, and checkboxes that tolerate values no browser sends.
/// </summary>
public static class RequestRobustness
{
    /// <summary>The largest body the site reads. A report with every section at its maximum, percent-encoded, is
    /// well under this; anything larger is an attack or a mistake.</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddRequestRobustness(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = (int)MaxRequestBodyBytes;
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new MissingHandlerFilter());
            o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
        });
        return services;
    }

    /// <summary>
    /// Razor Pages renders a page without running any handler when none matches the request (a POST to a page that
    /// only reads, or an unknown <c>?handler=</c>), and the page then fails on its unloaded model. Such a request
    /// answers 405 (the page exists, not for this method) or 404 (no handler of that name).
    /// </summary>
    private sealed class MissingHandlerFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HandlerMethod is not null) return;
            var handlers = context.ActionDescriptor.HandlerMethods;
            var method = context.HttpContext.Request.Method;
            var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
            if (handlers.Count == 0 && isRead) return;      // a page with no handlers at all simply renders

            var name = context.RouteData.Values["handler"]?.ToString() ?? context.HttpContext.Request.Query["handler"].ToString();
            var known = handlers.Any(h => string.Equals(h.Name ?? "", name, StringComparison.OrdinalIgnoreCase));
            if (!known && name.Length > 0)
            {
                context.Result = new NotFoundResult();
                return;
            }
            var allowed = handlers.Where(h => string.Equals(h.Name ?? "", name, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.HttpMethod.ToUpperInvariant()).DefaultIfEmpty("GET").Distinct();
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    /// <summary>
    /// A checkbox posts "true" (and its hidden "false"); any other value is an error for the field, and the value kept
    /// for redisplay is "false", since the checkbox tag helper throws on a value it cannot read as a boolean.
    /// </summary>
    private sealed class CheckboxBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool) ? new CheckboxBinder() : null;
    }

    private sealed class CheckboxBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            // A checked box with its hidden field posts "true,false"; the first value is the box's.
            var value = result.FirstValue;
            if (string.IsNullOrEmpty(value)) return Task.CompletedTask;
            if (bool.TryParse(value, out var parsed))
            {
                context.ModelState.SetModelValue(context.ModelName, result);
                context.Result = ModelBindingResult.Success(parsed);
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, false, "false");
            context.ModelState.TryAddModelError(context.ModelName,
                $"Kryssrutan {context.ModelMetadata.GetDisplayName()} kan bara vara ikryssad eller inte.");
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }
}
