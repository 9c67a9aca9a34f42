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

/// <summary>Turns a digest into accessible HTML by a template engine (the Web layer's Razor components).</summary>
public interface IDigestRenderer
{
    /// <summary>The template's own words (headings, "Du följer", the footer) in <paramref name="language"/>
    /// (<c>sv</c> or <c>en</c>, the subscriber's); the content comes in that language already.</summary>
    Task<string> RenderHtmlAsync(DigestContent content, string language, CancellationToken ct);
}
