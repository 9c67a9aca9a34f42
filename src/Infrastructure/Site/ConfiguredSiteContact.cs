using Lessons.Application.Common.Ports;

using Microsoft.Extensions.Configuration;

namespace Lessons.Infrastructure.Site;

/// <summary><c>Site:Operator</c> and <c>Site:ContactEmail</c>; the defaults suit a developer's machine, whose mail
/// lands in the pickup folder.</summary>
internal sealed class ConfiguredSiteContact(IConfiguration configuration) : ISiteContact
{
    public string Operator { get; } = configuration["Site:Operator"] is { Length: > 0 } name ? name.Trim() : "Lessons";

    public string Email { get; } = configuration["Site:ContactEmail"] is { Length: > 0 } email ? email.Trim() : "kontakt@lessons.local";
}
