using System.Globalization;

using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;
using Lessons.Web.Infrastructure;

namespace Lessons.Web.Pages;

/// <summary>How values read on a page: labels in the reader's language, dates in Stockholm time, numbers with Swedish
/// separators.</summary>
public static class Display
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Every Swedish label of the taxonomy, with the English one that Vocabulary keeps beside it. Labels
    /// come to the pages as Swedish strings too (counts from Application), so they are looked up by the Swedish.</summary>
    private static readonly Dictionary<string, string> EnglishLabels = new[]
        {
            Vocabulary.Outcomes.All.Select(t => (t.Label, t.LabelEn)), Vocabulary.Stages.All.Select(t => (t.Label, t.LabelEn)),
            Vocabulary.OrganisationTypes.All.Select(t => (t.Label, t.LabelEn)), Vocabulary.Principles.All.Select(t => (t.Label, t.LabelEn)),
            Vocabulary.Challenges.All.Select(t => (t.Label, t.LabelEn)), Vocabulary.InnovationTypes.All.Select(t => (t.Label, t.LabelEn)),
            Vocabulary.Drivers.All.Select(t => (t.Label, t.LabelEn)), Vocabulary.EffectKinds.All.Select(t => (t.Label, t.LabelEn)),
            Vocabulary.Collaborators.All.Select(t => (t.Label, t.LabelEn)), Vocabulary.SupportKinds.All.Select(t => (t.Label, t.LabelEn)),
        }
        .SelectMany(list => list).DistinctBy(t => t.Label).ToDictionary(t => t.Label, t => t.LabelEn, StringComparer.Ordinal);

    /// <summary>The culture of dates and numbers: English readers get English month names.</summary>
    private static CultureInfo Culture => UiText.IsEnglish ? Languages.English : Swedish;

    /// <summary>A taxonomy label in the reader's language; any other text as it is.</summary>
    public static string Label(string swedish) =>
        UiText.IsEnglish && EnglishLabels.TryGetValue(swedish, out var english) ? english : swedish;

    /// <summary>Text that is no label of the taxonomy (an organisation's name, a report's title): Swedish content,
    /// to be marked as such in the English interface.</summary>
    public static bool IsContent(string text) => !EnglishLabels.ContainsKey(text) && text.Any(char.IsLetter);

    public static string Label<T>(Term<T> term) where T : notnull => UiText.IsEnglish ? term.LabelEn : term.Label;

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string Outcome(Outcome outcome) => Label(Vocabulary.Outcomes.Label(outcome));

    /// <summary>Every outcome has its own badge colour; failures are shown as plainly as successes.</summary>
    public static string OutcomeClass(Outcome outcome) => "badge outcome-" + Vocabulary.Outcomes.Key(outcome);

    public static string Stage(Stage stage) => Label(Vocabulary.Stages.Label(stage));

    public static string OrganisationType(OrganisationType type) => Label(Vocabulary.OrganisationTypes.Label(type));

    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => UiText.Get("Utkast"),
        ReportStatus.InReview => UiText.Get("Under granskning"),
        ReportStatus.Published => UiText.Get("Publicerad"),
        ReportStatus.Withdrawn => UiText.Get("Tillbakadragen"),
        _ => status.ToString(),
    };

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? TimeZoneInfo.ConvertTime(d, Stockholm).ToString("d MMMM yyyy", Culture) : "";

    public static string DateTime(DateTimeOffset? date) =>
        date is { } d ? TimeZoneInfo.ConvertTime(d, Stockholm).ToString(UiText.IsEnglish ? "d MMMM yyyy 'at' HH:mm" : "d MMMM yyyy 'kl.' HH:mm", Culture) : "";

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", Swedish) : "";

    public static string Period(int started, int? ended) => ended is { } e && e != started ? $"{started}–{e}" : started.ToString(Swedish);
}
