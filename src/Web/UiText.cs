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

    public static string Get(string swedish) =>
        IsEnglish ? Resources.GetString(swedish, CultureInfo.CurrentUICulture) ?? swedish : swedish;

    public static string Format(string swedish, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Get(swedish), values);
}
