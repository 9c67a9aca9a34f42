using Lessons.Infrastructure.Search;

namespace Lessons.UnitTests.Search;

public sealed class SwedishAnalysisTests
{
    private static (string[] Words, string[] Stems) Vocabulary(string which)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Data", "snowball-swedish");
        return (File.ReadAllLines(Path.Combine(folder, $"{which}-voc.txt")), File.ReadAllLines(Path.Combine(folder, $"{which}-output.txt")));
    }

    [Fact]
    public void The_stemmer_matches_the_legacy_Snowball_vocabulary_on_every_word()
    {
        var (words, stems) = Vocabulary("legacy");
        Assert.Equal(30_623, words.Length);
        var wrong = words.Select((w, i) => (Word: w, Expected: stems[i], Actual: SwedishAnalysis.Stem(w)))
            .Where(x => x.Expected != x.Actual).Take(10).ToList();
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Select(x => $"{x.Word}: {x.Actual} ≠ {x.Expected}")));
    }

    [Fact]
    public void The_stemmer_is_not_the_current_Snowball_algorithm()
    {
        // Snowball 3.0 changed -et and -öst; Lucene.Net 4.8 predates it. If this starts failing, the stemmer was
        // upgraded and the legacy test above (and the index) must change with it.
        var (words, stems) = Vocabulary("current");
        var differing = words.Where((w, i) => SwedishAnalysis.Stem(w) != stems[i]).Count();
        Assert.InRange(differing, 500, 600);
    }

    [Fact]
    public void Inflections_share_a_term_and_case_and_stop_words_do_not_matter()
    {
        var analyzer = SwedishAnalysis.Create();
        var forms = new[] { "upphandling", "upphandlingen", "upphandlingar", "upphandlingarna", "UPPHANDLINGEN" }
            .Select(f => SwedishAnalysis.Terms(analyzer, "text", f).Single()).Distinct();
        Assert.Single(forms);
        Assert.Equal(SwedishAnalysis.Terms(analyzer, "text", "äldreomsorg"), SwedishAnalysis.Terms(analyzer, "text", "ÄLDREOMSORG"));
        Assert.Equal(["chattbot", "kommun"], SwedishAnalysis.Words(analyzer, "Chattbot och kommunen").Select(w => w.Stem));
    }

    [Theory]
    [InlineData("välfärdsteknik", "välfärd teknik")]                     // over the linking s
    [InlineData("hemtjänstens", "hem tjänst")]                           // a listed three-letter part
    [InlineData("skolmat", "skol mat")]
    [InlineData("Energieffektiviseringsprojektet", "energi effektivisering projekt")]
    [InlineData("kontaktcenter", "kontakt cent")]
    [InlineData("kommunen", "")]                                         // a listed word is never split (kom + munen)
    [InlineData("misslyckades", "")]                                     // no four-letter parts from the general vocabulary
    [InlineData("planering", "")]
    [InlineData("upphandlingar", "")]
    public void Compounds_are_indexed_with_their_parts(string word, string parts)
    {
        var analysed = SwedishAnalysis.Words(SwedishAnalysis.Create(), word).Single();
        Assert.Equal(parts.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SwedishAnalysis.Stem), analysed.Parts);
    }

    [Fact]
    public void Compound_parts_keep_the_position_of_their_word_so_phrases_still_work()
    {
        var words = SwedishAnalysis.Words(SwedishAnalysis.Create(), "planering i hemtjänsten på distans");
        Assert.Equal(["planering", "hemtjänst", "distan"], words.Select(w => w.Stem));
        Assert.Equal([0, 2, 4], words.Select(w => w.Position));
    }
}
