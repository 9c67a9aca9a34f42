namespace Lessons.Application.Notifications;

/// <summary>
/// The site's public address (<c>Site:PublicUrl</c>), the only base for links in e-mail: a request's Host header is
/// chosen by whoever sends the request, so a link built from it could send a reader anywhere.
/// </summary>
public sealed record PublicSite(string BaseUrl)
{
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}
