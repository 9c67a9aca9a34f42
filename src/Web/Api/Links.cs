namespace Lessons.Web.Api;

/// <summary>Absolute links for API answers, e-mails and feeds: <c>Site:PublicUrl</c> when set, else the request's own base.</summary>
public sealed class Links(IConfiguration configuration)
{
    public string Base(HttpRequest? request) =>
        (configuration["Site:PublicUrl"] is { Length: > 0 } url ? url
            : request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    public string Report(HttpRequest? request, Guid id) => $"{Base(request)}/rapporter/{id}";
}
