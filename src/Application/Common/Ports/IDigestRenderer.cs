namespace Lessons.Application.Common.Ports;

/// <summary>One report in a digest, as the subscriber reads it: the organisation is already "Anonym organisation" where it must be.</summary>
public sealed record DigestEntry(
    Guid ReportId, string Title, string Url, string Organisation, string Outcome, string Stage, string Summary,
    IReadOnlyList<string> Reasons, int ReusedTimes = 0);

public sealed record DigestSection(string Heading, IReadOnlyList<DigestEntry> Entries);

/// <summary>Everything a digest says, before it is HTML or text. <see cref="More"/> items did not fit under the cap.</summary>
public sealed record DigestContent(
    string Subject, string Intro, IReadOnlyList<DigestSection> Sections, int More, string MoreUrl, string ManageUrl,
    string UnsubscribeUrl);

/// <summary>
/// Turns a digest into accessible HTML by a template engine (the Web layer's Razor components), in two parts: each
/// entry on its own, since one entry reads the same for everybody who gets it with the same reasons and a run renders
/// it once, and the frame around entries rendered already.
/// </summary>
public interface IDigestRenderer
{
    /// <summary>One entry in <paramref name="language"/> (<c>sv</c> or <c>en</c>, the subscriber's); the entry's
    /// content comes in that language already, the template's own words ("Utfall", "Du följer") are put in it.</summary>
    Task<string> RenderEntryHtmlAsync(DigestEntry entry, string language, CancellationToken ct);

    /// <summary>The whole mail in <paramref name="language"/>; <paramref name="entryHtml"/> gives each entry's HTML from
    /// <see cref="RenderEntryHtmlAsync"/>.</summary>
    Task<string> RenderHtmlAsync(DigestContent content, string language, Func<DigestEntry, string> entryHtml, CancellationToken ct);
}
