using System.Globalization;

using Lessons.Domain;

using Microsoft.Extensions.Localization;

namespace Lessons.Application.Common.Text;

/// <summary>
/// Mails are written in the recipient's language, not in the language of the request that caused them (an editor
/// reading in Swedish publishes an English-reading author's report). The localizer reads the current UI culture, so
/// a mail is composed inside <see cref="Use"/> of the recipient's language; the scope restores the caller's culture.
/// </summary>
public static class MailCulture
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Of(string? language) => LanguageCodes.OrSwedish(language) == LanguageCodes.English ? English : Swedish;

    /// <summary>The language of the current request's interface, which a new member or subscriber starts with.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == LanguageCodes.English
        ? LanguageCodes.English : LanguageCodes.Swedish;

    public static Scope Use(string? language) => new(Of(language));

    /// <summary>
    /// A mail's link that opens its page in the recipient's language. English is asked for in the address (the
    /// query-string culture, <c>ui-culture</c>): the mail may be opened in a browser that has never seen the site's
    /// language cookie. Swedish is the site's default and needs nothing.
    /// </summary>
    public static string Link(string link, string? language)
    {
        if (LanguageCodes.OrSwedish(language) != LanguageCodes.English) return link;
        var fragment = link.IndexOf('#', StringComparison.Ordinal);
        var (address, rest) = fragment < 0 ? (link, "") : (link[..fragment], link[fragment..]);
        return address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "ui-culture=en-GB" + rest;
    }

    /// <summary>The Swedish text in <paramref name="language"/>, with its placeholders filled in.</summary>
    public static string In(this IStringLocalizer text, string? language, string swedish, params object[] values)
    {
        using var _ = Use(language);
        return text[swedish, values].Value;
    }

    public readonly struct Scope : IDisposable
    {
        private readonly CultureInfo culture;
        private readonly CultureInfo uiCulture;

        internal Scope(CultureInfo to)
        {
            culture = CultureInfo.CurrentCulture;
            uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = to;
            CultureInfo.CurrentUICulture = to;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
