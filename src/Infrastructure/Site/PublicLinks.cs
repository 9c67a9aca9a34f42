using Lessons.Application.Common.Ports;

using Microsoft.Extensions.Configuration;

namespace Lessons.Infrastructure.Site;

internal sealed class PublicLinks(IConfiguration configuration) : IPublicLinks
{
    private string Base => (configuration["Site:PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/');

    public string Report(Guid reportId) => $"{Base}/rapporter/{reportId}";
}
