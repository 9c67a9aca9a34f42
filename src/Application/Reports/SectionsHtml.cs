using Lessons.Application.Common.Ports;
using Lessons.Domain.Reports;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports;

/// <summary>
/// The safe HTML of a report's (or a revision's) five Markdown sections, made once when the text is saved and
/// stored beside it, so a view costs no Markdig and no HtmlSanitizer. The columns are shadow properties: HTML is
/// how the text is shown, not part of what the author wrote, so the domain never sees it.
/// </summary>
public sealed record SectionsHtml(string Background, string WhatWeDid, string Result, string Lessons, string Recommendations)
{
    /// <summary>The shadow properties on <see cref="Report"/> and <see cref="ReportRevision"/>, by section.</summary>
    public const string BackgroundColumn = "BackgroundHtml", WhatWeDidColumn = "WhatWeDidHtml", ResultColumn = "ResultHtml",
        LessonsColumn = "LessonsHtml", RecommendationsColumn = "RecommendationsHtml";

    public static readonly IReadOnlyList<string> Columns =
        [BackgroundColumn, WhatWeDidColumn, ResultColumn, LessonsColumn, RecommendationsColumn];

    public static SectionsHtml Render(IMarkdownRenderer markdown, ReportContent content) => new(
        markdown.ToSafeHtml(content.Background), markdown.ToSafeHtml(content.WhatWeDid), markdown.ToSafeHtml(content.Result),
        markdown.ToSafeHtml(content.Lessons), markdown.ToSafeHtml(content.Recommendations));

    /// <summary>The stored sections, or null for a row saved before they were stored (filled on its first read).</summary>
    public static SectionsHtml? From(string? background, string? whatWeDid, string? result, string? lessons, string? recommendations) =>
        background is null || whatWeDid is null || result is null || lessons is null || recommendations is null
            ? null
            : new(background, whatWeDid, result, lessons, recommendations);

    public string Of(string column) => column switch
    {
        BackgroundColumn => Background,
        WhatWeDidColumn => WhatWeDid,
        ResultColumn => Result,
        LessonsColumn => Lessons,
        RecommendationsColumn => Recommendations,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}

/// <summary>Reads the stored sections; a row from before they were stored is rendered once and written back.</summary>
internal static class StoredSectionsHtml
{
    public static async Task<SectionsHtml> OfReportAsync(ILessonsDbContext db, IMarkdownRenderer markdown, Report report,
        CancellationToken ct)
    {
        var rows = db.Reports.Where(r => r.Id == report.Id);
        return await rows.Select(r => SectionsHtml.From(EF.Property<string?>(r, SectionsHtml.BackgroundColumn),
                EF.Property<string?>(r, SectionsHtml.WhatWeDidColumn), EF.Property<string?>(r, SectionsHtml.ResultColumn),
                EF.Property<string?>(r, SectionsHtml.LessonsColumn), EF.Property<string?>(r, SectionsHtml.RecommendationsColumn)))
            .SingleAsync(ct) ?? await FillAsync(rows, markdown, report.Content, ct);
    }

    public static async Task<SectionsHtml> OfRevisionAsync(ILessonsDbContext db, IMarkdownRenderer markdown, ReportRevision revision,
        CancellationToken ct)
    {
        var rows = db.ReportRevisions.Where(v => v.Id == revision.Id);
        return await rows.Select(v => SectionsHtml.From(EF.Property<string?>(v, SectionsHtml.BackgroundColumn),
                EF.Property<string?>(v, SectionsHtml.WhatWeDidColumn), EF.Property<string?>(v, SectionsHtml.ResultColumn),
                EF.Property<string?>(v, SectionsHtml.LessonsColumn), EF.Property<string?>(v, SectionsHtml.RecommendationsColumn)))
            .SingleAsync(ct) ?? await FillAsync(rows, markdown, revision.Content, ct);
    }

    /// <summary>
    /// Rows saved before the HTML was stored (the RenderedSections migration adds the columns empty: it cannot run
    /// Markdig) are filled on their first read, so an upgrade costs no start-up time however many reports there are.
    /// </summary>
    private static async Task<SectionsHtml> FillAsync<T>(IQueryable<T> rows, IMarkdownRenderer markdown, ReportContent content,
        CancellationToken ct)
    {
        var html = SectionsHtml.Render(markdown, content);
        await rows.ExecuteUpdateAsync(s => s
            .SetProperty(r => EF.Property<string?>(r!, SectionsHtml.BackgroundColumn), html.Background)
            .SetProperty(r => EF.Property<string?>(r!, SectionsHtml.WhatWeDidColumn), html.WhatWeDid)
            .SetProperty(r => EF.Property<string?>(r!, SectionsHtml.ResultColumn), html.Result)
            .SetProperty(r => EF.Property<string?>(r!, SectionsHtml.LessonsColumn), html.Lessons)
            .SetProperty(r => EF.Property<string?>(r!, SectionsHtml.RecommendationsColumn), html.Recommendations), ct);
        return html;
    }
}
