namespace Lessons.Domain;

/// <summary>
/// The languages a member or subscriber reads the site's mails in. Swedish is the default: the site is Swedish, and a
/// person who never chose is written to as the site speaks.
/// </summary>
public static class LanguageCodes
{
    public const string Swedish = "sv";

    public const string English = "en";

    public const int MaxLength = 8;

    public static bool IsKnown(string? code) => code is Swedish or English;

    /// <summary>A code as it is stored: an unknown one reads as Swedish.</summary>
    public static string OrSwedish(string? code) => code == English ? English : Swedish;

    public static string Checked(string? code, string field) => IsKnown(code) ? code!
        : throw new DomainRuleException("Välj svenska eller engelska.", field);
}
