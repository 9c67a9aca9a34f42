namespace Lessons.Web.Infrastructure;

/// <summary>
/// <c>Site:PublicUrl</c> is the one source of the site's absolute address: links in e-mail, feeds and API answers,
/// and the host names the site answers to. Outside Development it is required, so a forged <c>Host</c> header can
/// never put another address into a password-reset mail.
/// </summary>
public static class PublicSite
{
    public const string Setting = "Site:PublicUrl";

    public static Uri? Read(IConfiguration configuration) =>
        Uri.TryCreate(configuration[Setting], UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null;

    /// <summary>Why the site cannot start with this configuration, or null when it can.</summary>
    public static string? Problem(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            return environment.IsDevelopment() ? null
                : $"{Setting} saknas: ange webbplatsens publika adress, till exempel Site__PublicUrl=https://lessons.example.se. "
                  + "Alla länkar i e-post, flöden och API-svar byggs från den, aldrig från förfrågans Host-huvud.";
        if (Read(configuration) is not { } url || url.Query.Length > 0 || url.Fragment.Length > 0)
            return $"{Setting} ska vara en absolut http- eller https-adress utan frågedel, inte \"{value}\".";
        // Outside Development every cookie is Secure: a site reached over plain http could not keep anyone signed in.
        if (url.Scheme != Uri.UriSchemeHttps && !environment.IsDevelopment())
            return $"{Setting} ska börja med https:// utanför utvecklingsmiljön, inte \"{value}\".";
        return null;
    }

    /// <summary>
    /// Outside Development the site answers only to its public host name unless <c>AllowedHosts</c> names others
    /// (a load balancer's health checks by address, for instance).
    /// </summary>
    public static void RestrictHosts(ConfigurationManager configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || Read(configuration) is not { } url) return;
        if (string.IsNullOrEmpty(configuration["AllowedHosts"])) configuration["AllowedHosts"] = url.IdnHost;
    }
}
