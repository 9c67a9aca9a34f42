namespace Lessons.Application.Common.Ports;

/// <summary>
/// The site's public address (<c>Site:PublicUrl</c>), the only base for absolute links in e-mail, feeds and API
/// answers: a request's Host header is chosen by whoever sends the request, so a link built from it could send a
/// reader anywhere.
/// </summary>
public interface ISiteAddress
{
    /// <summary>The base without a trailing slash, e.g. <c>https://lessons.example.se</c>.</summary>
    string Base { get; }

    /// <summary>An absolute link to <paramref name="path"/> (which starts with a slash).</summary>
    string Link(string path) => Base + path;
}
