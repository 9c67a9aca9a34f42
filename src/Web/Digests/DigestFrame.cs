using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

using Lessons.Application.Common.Ports;

namespace Lessons.Web.Digests;

/// <summary>
/// <see cref="DigestMail"/> as rendered for one language and shape, cut where its values go: the literal pieces between
/// them and, for each gap, which value fills it. Rendered with markers for values (<see cref="Sample"/>), so the
/// template stays the one place the mail's HTML is written; each digest is then its values, encoded as the renderer
/// encodes them, placed between the pieces.
/// </summary>
internal sealed partial class DigestFrame
{
    // Letters only, so the encoder writes them as they are; the count of "och N till" is a number no digest has.
    private const string Open = "Xq7z";
    private const string Close = "z7qX";
    private const int MoreMarker = 987_654_321;

    private readonly string[] literals;
    private readonly Slot[] slots;

    private DigestFrame(string[] literals, Slot[] slots)
    {
        this.literals = literals;
        this.slots = slots;
    }

    private enum Kind
    {
        Subject,
        Intro,
        Heading,
        Entries,
        More,
        MoreUrl,
        Manage,
        Unsubscribe,
    }

    /// <summary>A gap between two pieces; for a section's entries, what the template writes between two of them.</summary>
    private readonly record struct Slot(Kind Kind, int Section = 0, string Separator = "");

    /// <summary>Content of the given shape with a marker for every value, and two entries a section (so the text
    /// between two entries is seen).</summary>
    public static DigestContent Sample(int sections, bool more) => new(
        Marker("S"), Marker("I"),
        [.. Enumerable.Range(0, sections).Select(i => new DigestSection(Marker($"H{i}"), [SampleEntry($"E{i}A"), SampleEntry($"E{i}B")]))],
        more ? MoreMarker : 0, Marker("L"), Marker("M"), Marker("U"));

    /// <summary>The sample entries' HTML: their markers.</summary>
    public static string SampleEntryHtml(DigestEntry entry) => entry.Title;

    /// <summary>The frame of a sample's HTML, or null when the markers are not where the template is expected to
    /// have them (then each digest is rendered whole).</summary>
    public static DigestFrame? Cut(string html)
    {
        var literals = new List<string>();
        var slots = new List<Slot>();
        var at = 0;
        string? entriesOpen = null;
        var separatorFrom = 0;
        foreach (Match m in Markers().Matches(html))
        {
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : null;
            if (entriesOpen is not null)
            {
                // The second entry of a section closes the first: what lies between them is the separator.
                if (name != entriesOpen[..^1] + "B") return null;
                slots.Add(new Slot(Kind.Entries, int.Parse(name[1..^1], CultureInfo.InvariantCulture), html[separatorFrom..m.Index]));
                entriesOpen = null;
                at = m.Index + m.Length;
                continue;
            }
            literals.Add(html[at..m.Index]);
            at = m.Index + m.Length;
            switch (name)
            {
                case null: slots.Add(new Slot(Kind.More)); break;
                case "S": slots.Add(new Slot(Kind.Subject)); break;
                case "I": slots.Add(new Slot(Kind.Intro)); break;
                case "L": slots.Add(new Slot(Kind.MoreUrl)); break;
                case "M": slots.Add(new Slot(Kind.Manage)); break;
                case "U": slots.Add(new Slot(Kind.Unsubscribe)); break;
                case ['H', .. var i]: slots.Add(new Slot(Kind.Heading, int.Parse(i, CultureInfo.InvariantCulture))); break;
                case ['E', .., 'A']:
                    entriesOpen = name;
                    separatorFrom = at;
                    break;
                default: return null;
            }
        }
        if (entriesOpen is not null) return null;
        literals.Add(html[at..]);
        return literals.Count == slots.Count + 1 ? new DigestFrame([.. literals], [.. slots]) : null;
    }

    /// <summary>The mail of <paramref name="content"/> (of this frame's shape).</summary>
    public string Fill(DigestContent content, Func<DigestEntry, string> entryHtml, HtmlEncoder encoder, CultureInfo culture)
    {
        var pieces = new List<string>(literals.Length + slots.Length + (content.Sections.Sum(s => s.Entries.Count) * 2));
        for (var i = 0; i < slots.Length; i++)
        {
            pieces.Add(literals[i]);
            var slot = slots[i];
            switch (slot.Kind)
            {
                case Kind.Subject: pieces.Add(encoder.Encode(content.Subject)); break;
                case Kind.Intro: pieces.Add(encoder.Encode(content.Intro)); break;
                case Kind.Heading: pieces.Add(encoder.Encode(content.Sections[slot.Section].Heading)); break;
                case Kind.More: pieces.Add(encoder.Encode(content.More.ToString(culture))); break;
                case Kind.MoreUrl: pieces.Add(encoder.Encode(content.MoreUrl)); break;
                case Kind.Manage: pieces.Add(encoder.Encode(content.ManageUrl)); break;
                case Kind.Unsubscribe: pieces.Add(encoder.Encode(content.UnsubscribeUrl)); break;
                default:
                    var entries = content.Sections[slot.Section].Entries;
                    for (var e = 0; e < entries.Count; e++)
                    {
                        if (e > 0) pieces.Add(slot.Separator);
                        pieces.Add(entryHtml(entries[e]));
                    }
                    break;
            }
        }
        pieces.Add(literals[^1]);
        return string.Concat((ReadOnlySpan<string?>)CollectionsMarshal.AsSpan(pieces));
    }

    private static string Marker(string name) => Open + name + Close;

    private static DigestEntry SampleEntry(string name) => new(Guid.Empty, Marker(name), "", "", "", "", "", []);

    [GeneratedRegex(Open + "(?<name>[A-Z][0-9]*[AB]?)" + Close + "|987654321")]
    private static partial Regex Markers();
}
