using System.Globalization;

using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.Web.Pages;

/// <summary>How values read on a page: Swedish labels, dates in Stockholm time, numbers with Swedish separators.</summary>
public static class Display
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string Outcome(Outcome outcome) => Vocabulary.Outcomes.Label(outcome);

    /// <summary>Every outcome has its own badge colour; failures are shown as plainly as successes.</summary>
    public static string OutcomeClass(Outcome outcome) => "badge outcome-" + Vocabulary.Outcomes.Key(outcome);

    public static string Stage(Stage stage) => Vocabulary.Stages.Label(stage);

    public static string OrganisationType(OrganisationType type) => Vocabulary.OrganisationTypes.Label(type);

    public static string Status(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "Utkast",
        ReportStatus.InReview => "Under granskning",
        ReportStatus.Published => "Publicerad",
        ReportStatus.Withdrawn => "Tillbakadragen",
        _ => status.ToString(),
    };

    public static string Date(DateTimeOffset? date) =>
        date is { } d ? TimeZoneInfo.ConvertTime(d, Stockholm).ToString("d MMMM yyyy", Swedish) : "";

    public static string DateTime(DateTimeOffset? date) =>
        date is { } d ? TimeZoneInfo.ConvertTime(d, Stockholm).ToString("d MMMM yyyy 'kl.' HH:mm", Swedish) : "";

    public static string Number(decimal? value) => value is { } v ? v.ToString("#,0.##", Swedish) : "";

    public static string Period(int started, int? ended) => ended is { } e && e != started ? $"{started}–{e}" : started.ToString(Swedish);
}
