using Lessons.Application.Common.Ports;
using Lessons.Web.Infrastructure;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lessons.Web.Api;

/// <summary>
/// Absolute links for API answers, e-mails and feeds, from <c>Site:PublicUrl</c> only (required outside Development).
/// A developer who leaves it empty gets the address the site listens on; never the request's own headers.
/// </summary>
public sealed class Links(IConfiguration configuration, IServer server) : ISiteAddress
{
    private string? @base;

    public string Base => @base ??= (PublicSite.Read(configuration)?.ToString() ?? ListeningAddress()).TrimEnd('/');

    public string Report(Guid id) => $"{Base}/rapporter/{id}";

    private string ListeningAddress() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https:", StringComparison.Ordinal) ? 1 : 0)
            .Select(a => a.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal))
            .FirstOrDefault()
        ?? "http://localhost:5000";
}
