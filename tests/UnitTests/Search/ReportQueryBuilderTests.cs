namespace Lessons.UnitTests.Search;

/// <summary>What a typed text becomes as a query: which reports it finds and in what order.</summary>
public sealed class ReportQueryBuilderTests
{
    [Fact]
    public void Each_word_is_a_concept_and_a_report_matching_more_of_them_ranks_first()
    {
        using var reports = new MemoryReports(
            ("Nattkameror på torget", "Kamerorna på torget sattes upp av polisen.", "lyckades"),
            ("Nattkameror i hemtjänsten", "Kamerorna ersatte nattliga besök hos de äldre.", "lyckades"),
            ("Planering i hemtjänsten", "Ett nytt schema gav kortare restider.", "lyckades"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));

        var titles = reports.Titles("nattkameror hemtjänst");

        Assert.Equal("Nattkameror i hemtjänsten", titles[0]);
        Assert.Equal(["Nattkameror på torget", "Planering i hemtjänsten"], titles.Skip(1).Order());
    }

    [Fact]
    public void A_member_of_a_synonym_group_finds_reports_that_use_another_member_in_any_inflection()
    {
        using var reports = new MemoryReports(
            ("Ett nytt kontaktcenter", "Invånarna ringer ett nummer.", "lyckades"),
            ("Elektronisk underskrift av avtal", "Avtalen skrivs under på nätet.", "lyckades"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));
        string[][] synonyms = [["kontaktcenter", "kundtjänst"], ["e-underskrift", "digital signatur", "elektronisk underskrift"]];

        Assert.Equal(["Ett nytt kontaktcenter"], reports.Titles("kundtjänsterna", synonyms));
        Assert.Equal(["Elektronisk underskrift av avtal"], reports.Titles("digitala signaturer", synonyms));
        Assert.Empty(reports.Titles("kundtjänst"));        // without the group, nothing
    }

    [Fact]
    public void A_part_finds_its_compounds_and_a_compound_finds_its_parts_written_apart()
    {
        using var reports = new MemoryReports(
            ("Välfärdsteknik i nattillsynen", "Sensorer ersatte besök.", "lyckades"),
            ("Maten i skolorna", "Mindre svinn när eleverna valde själva.", "lyckades"),
            ("Solceller på taket", "Elen räckte till köket.", "lyckades"));

        Assert.Equal(["Välfärdsteknik i nattillsynen"], reports.Titles("teknik"));
        Assert.Equal(["Maten i skolorna"], reports.Titles("skolmat"));
    }

    [Fact]
    public void A_word_typed_without_its_diacritics_is_searched_with_them_and_offered_as_the_spelling()
    {
        using var reports = new MemoryReports(
            ("Planering i hemtjänsten", "Ett nytt schema för hemtjänstens personal.", "lyckades"),
            ("Äldreomsorgen på landet", "Långa avstånd till de äldre.", "lyckades"),
            ("Hemmet och skolan", "Föräldrar och lärare möttes.", "lyckades"));

        var query = reports.Query("hemtjanst");
        Assert.Equal("hemtjänst", query.Suggestion);
        Assert.Equal(["Planering i hemtjänsten"], reports.Titles("hemtjanst"));
        Assert.Equal("äldreomsorgen", reports.Query("aldreomsorgen").Suggestion);
        Assert.Null(reports.Query("hemtjänst").Suggestion);
    }

    [Fact]
    public void A_failure_word_finds_failed_and_abandoned_work_whatever_form_the_report_uses()
    {
        using var reports = new MemoryReports(
            ("Nytt schema i hemtjänsten", "Försöket stoppades efter ett halvår.", "avbruten"),
            ("Upphandling av trygghetslarm", "Inga anbud kom in.", "misslyckades"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));

        Assert.Equal(["Nytt schema i hemtjänsten", "Upphandling av trygghetslarm"], reports.Titles("avbrutet").Order());
        Assert.Null(reports.Query("avbrutet").Suggestion);
    }

    [Fact]
    public void Phrases_must_match_in_order_and_excluded_words_must_not_match()
    {
        using var reports = new MemoryReports(
            ("Vård på distans för äldre", "Videobesök ersatte resor.", "lyckades"),
            ("Distans och vård i glesbygden", "Långa avstånd till vårdcentralen.", "lyckades"));

        Assert.Equal(["Vård på distans för äldre"], reports.Titles("\"vård på distans\""));
        Assert.Equal(["Distans och vård i glesbygden"], reports.Titles("vård -videobesök"));
        Assert.Null(reports.Query("och på i").Query);        // only stop words: the page without words
    }
}
