using System.Globalization;
using System.Resources;

namespace Lessons.Web;

/// <summary>
/// The shared text (<see cref="SharedResource"/>) for code that has no localizer injected: the static helpers of
/// <see cref="Pages.Display"/>, MVC's model-binding messages, and request errors put in ModelState. It reads the
/// same resource in the request's UI culture, and falls back to the Swedish key.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new("Lessons.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Get(string swedish)
    {
        // The culture's own sets (en-GB, then en), never the neutral one: there is none (the Swedish is the key), and
        // falling back to it would throw MissingManifestResourceException for any text without a translation.
        for (var culture = CultureInfo.CurrentUICulture; IsEnglish && culture.Name.Length > 0; culture = culture.Parent)
        {
            if (Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(swedish) is { } english) return english;
        }
        return swedish;
    }

    public static string Format(string swedish, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(swedish), values);
}
