using Lessons.Application.Common.Ports;

using Microsoft.Extensions.Configuration;

namespace Lessons.Infrastructure.Site;

/// <summary>
/// <c>Site:PublicUrl</c> as configured, for hosts without a web server of their own (the command verbs). The site
/// replaces it with one that knows its listening address for a developer who left the setting empty.
/// </summary>
internal sealed class ConfiguredSiteAddress(IConfiguration configuration) : ISiteAddress
{
    public string Base { get; } = (configuration["Site:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/');
}
