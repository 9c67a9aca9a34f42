using System.Text.RegularExpressions;

using Lessons.Application.Reports;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// A benchmark corpus of any size made from real reports (the relevance corpus): each generated report is one of
/// them with its organisation, year, title and sections varied, so the index's term statistics are those of real
/// texts (real vocabulary, real lengths, real common and rare words) rather than of a template's few hundred words.
/// The organisations are plainly synthetic ("Syntetkommun 012"), and the source's organisation name in its text is
/// replaced by the synthetic one, so no failure is ever pinned on a real organisation it did not report.
/// </summary>
public static partial class VariedCorpus
{
    private static readonly string[] TitleEnds = ["", "", "", ": erfarenheter", ": lärdomar", " – så gick det", ": en uppföljning", " i praktiken"];
    private static readonly string[] TitleStarts = ["", "", "", "", "Lärdomar: ", "Utvärdering: ", "Så gjorde vi: "];

    public static IEnumerable<ReportRecord> Generate(IReadOnlyList<ReportRecord> sources, int count, int seed)
    {
        if (sources.Count == 0) throw new ArgumentException("Det behövs minst en rapport att utgå från.", nameof(sources));
        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            var source = sources[random.Next(sources.Count)];
            // A second report on another subject lends one section now and then: texts share more than one topic.
            var other = sources[random.Next(sources.Count)];
            var type = source.OrganisationType ?? "kommun";
            var organisation = type switch
            {
                "region" => $"Syntetregion {random.Next(1, 22):D2}",
                "myndighet" => $"Syntetmyndigheten {random.Next(1, 41):D2}",
                "kommun" => $"Syntetkommun {random.Next(1, 291):D3}",
                _ => $"Syntetorganisation {random.Next(1, 60):D2}",
            };
            string? Vary(string? text) => Sentences(Renamed(text, source.Organisation, organisation), random);
            var year = Math.Clamp((source.Year ?? 2020) + random.Next(-5, 4), 2008, 2025);
            var lend = random.Next(6);
            string? Section(int which, string? mine, string? theirs) => lend == which && random.Next(3) == 0
                ? Sentences(Renamed(theirs, other.Organisation, organisation), random) : Vary(mine);
            yield return source with
            {
                Id = $"var-{seed}-{i:D7}",
                Title = TitleStarts[random.Next(TitleStarts.Length)] + Renamed(source.Title, source.Organisation, organisation) + TitleEnds[random.Next(TitleEnds.Length)],
                Organisation = source.Anonymous ? source.Organisation : organisation,
                Year = year,
                YearEnded = source.YearEnded is null ? null : Math.Min(2025, year + random.Next(0, 3)),
                Summary = Renamed(source.Summary, source.Organisation, organisation),
                Background = Section(0, source.Background, other.Background),
                WhatWeDid = Section(1, source.WhatWeDid, other.WhatWeDid),
                Result = Vary(source.Result),
                Lessons = Section(2, source.Lessons, other.Lessons),
                Recommendations = Section(3, source.Recommendations, other.Recommendations),
            };
        }
    }

    private static string? Renamed(string? text, string? from, string to) =>
        text is null || string.IsNullOrEmpty(from) ? text : text.Replace(from, to, StringComparison.Ordinal);

    /// <summary>The text with now and then a sentence left out or two neighbours swapped (lengths and word counts vary);
    /// never empty when the text was not, and list items and paragraphs keep their lines.</summary>
    private static string? Sentences(string? text, Random random)
    {
        if (string.IsNullOrWhiteSpace(text)) return text;
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var sentences = SentenceEnd().Split(lines[l]).Where(s => s.Length > 0).ToList();
            if (sentences.Count < 3) continue;
            if (random.Next(4) == 0) sentences.RemoveAt(1 + random.Next(sentences.Count - 1));
            if (random.Next(4) == 0)
            {
                var at = 1 + random.Next(sentences.Count - 1);
                (sentences[at - 1], sentences[at]) = (sentences[at], sentences[at - 1]);
            }
            lines[l] = string.Join(' ', sentences);
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")]
    private static partial Regex SentenceEnd();
}
