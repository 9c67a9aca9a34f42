namespace Lessons.UnitTests.Search;

/// <summary>The marks come from the query that found the report, through Lucene's highlighter.</summary>
public sealed class ReportHighlighterTests
{
    private static readonly (string, string, string)[] Corpus =
    [
        ("Energieffektivisering i skolor", "Ny ventilation sparade el.", "lyckades"),
        ("Vård på distans för äldre", "Videobesök ersatte resor.", "lyckades"),
        ("Ett nytt kontaktcenter", "Invånarna ringer ett nummer.", "lyckades"),
        ("Välfärdsteknik i nattillsynen", "Sensorer ersatte besök.", "lyckades"),
        ("Nattkameror i hemtjänsten", "Kamerorna ersatte nattliga besök.", "lyckades"),
    ];

    private static IReadOnlyList<string> Snippets(string query, string text, params string[][] synonyms)
    {
        using var reports = new MemoryReports(Corpus);
        return [.. reports.Highlighter.Snippets(reports.Query(query, synonyms).Highlight, text).Select(MemoryReports.Marked)];
    }

    [Fact]
    public void A_prefix_marks_the_words_it_matched()
    {
        using var reports = new MemoryReports(Corpus);
        var title = reports.Highlighter.Title(reports.Query("energi*").Highlight, "Energieffektivisering i skolor");
        Assert.Equal("[Energieffektivisering] i skolor", MemoryReports.Marked(title));
        Assert.Equal(["Vi sänkte [energiförbrukningen] i skolan."], Snippets("energi*", "Vi sänkte energiförbrukningen i skolan. Annat hände också."));
    }

    [Fact]
    public void A_phrases_words_are_marked_only_where_they_stand_as_the_phrase()
    {
        Assert.Equal(["Sedan kom [vård] på [distans] till byn."],
            Snippets("\"vård på distans\"", "Vården i byn låg långt bort och distansen var stor. Sedan kom vård på distans till byn."));
    }

    [Fact]
    public void A_synonym_is_marked_in_the_words_the_report_uses()
    {
        Assert.Equal(["Ett nytt [kontaktcenter] för invånarna."],
            Snippets("kundtjänst", "Ett nytt kontaktcenter för invånarna.", [["kontaktcenter", "kundtjänst"]]));
    }

    [Fact]
    public void A_compound_is_marked_whole_when_the_query_matched_one_of_its_parts()
    {
        Assert.Equal(["Mer [välfärdsteknik] i nattillsynen."], Snippets("teknik", "Mer välfärdsteknik i nattillsynen."));
        Assert.Equal(["Planering i [hemtjänsten] på distans."], Snippets("hemtjänst", "Planering i hemtjänsten på distans."));
    }

    [Fact]
    public void The_best_sentences_are_shown_rather_than_the_first()
    {
        var snippets = Snippets("nattkameror hemtjänst",
            "Hemtjänsten i kommunen är stor. Vi köpte in mycket. Under våren ersatte nattkameror besök i hemtjänsten. Sedan kom sommaren.");
        Assert.Equal(["Under våren ersatte [nattkameror] besök i [hemtjänsten].", "[Hemtjänsten] i kommunen är stor."], snippets);
    }

    [Fact]
    public void Nothing_is_marked_without_words_to_search()
    {
        Assert.Empty(Snippets("", "Hemtjänsten i kommunen är stor."));
        Assert.Empty(Snippets("-hemtjänst", "Solceller på taket."));
    }

    [Fact]
    public void A_thesaurus_synonym_and_a_derived_word_are_marked_in_the_words_the_report_uses()
    {
        using var reports = new MemoryReports(("Ett nytt system", "Vi upphandlade systemet och sänkte energianvändningen.", "lyckades"));
        IReadOnlyList<string> Marked(string query, string text) =>
            [.. reports.Highlighter.Snippets(reports.Query(query).Highlight, text).Select(MemoryReports.Marked)];

        Assert.Equal(["Vi sänkte [energianvändningen] i skolan."], Marked("energiförbrukning", "Vi sänkte energianvändningen i skolan."));
        Assert.Equal(["Vi [upphandlade] ett nytt system."], Marked("upphandling", "Vi upphandlade ett nytt system."));
    }
}
