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
        string[][] synonyms = [["kontaktcenter", "samtalscentral"], ["e-underskrift", "digital signatur", "elektronisk underskrift"]];

        Assert.Equal(["Ett nytt kontaktcenter"], reports.Titles("samtalscentralerna", synonyms));
        Assert.Equal(["Elektronisk underskrift av avtal"], reports.Titles("digitala signaturer", synonyms));
        Assert.Empty(reports.Titles("samtalscentral"));        // without the group, nothing
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
    public void A_compound_the_index_lacks_finds_the_reports_that_write_its_parts_and_is_not_corrected()
    {
        using var reports = new MemoryReports(
            ("Sensorer i lägenheterna", "Ett larm går till personalen vid fall i badrummet.", "lyckades"),
            ("Sensorer i skolans ventilation", "Luften mäts i varje klassrum.", "lyckades"),
            ("Fallsäkra mattor", "Halkskydd i korridorerna.", "lyckades"));

        var query = reports.Query("fallsensorer");

        Assert.Null(query.Suggestion);
        Assert.Equal(["Sensorer i lägenheterna"], reports.Titles("fallsensorer"));
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

    [Theory]
    [InlineData("schemat som lades ner")]
    [InlineData("schemat fungerade inte")]
    [InlineData("när schemat inte fungerade")]
    [InlineData("schemat gick i stöpet")]
    [InlineData("problem med schemat")]
    [InlineData("schemat skrotades")]
    public void A_failure_expression_ranks_failed_and_abandoned_work_on_the_topic_first_without_its_words_in_the_report(string text)
    {
        using var reports = new MemoryReports(
            ("Nytt schema i hemtjänsten", "Det lades ner mycket arbete på schemat, och det fungerade. De problem som fanns med "
                + "kvällarna gick att lösa, och schemat skrotade de gamla listorna.", "lyckades"),
            ("Schema för skolskjutsar", "Efter ett halvår återgick vi till det gamla schemat.", "avbruten"),
            ("Solceller på skolan", "Elen räckte till köket.", "misslyckades"),
            ("Cyklar för hemtjänsten", "Cyklarna gick inte att ladda och ingen ville använda dem.", "lyckades"));

        var titles = reports.Titles(text);

        Assert.Equal("Schema för skolskjutsar", titles[0]);
        Assert.Contains("Nytt schema i hemtjänsten", titles);
        Assert.DoesNotContain("Cyklar för hemtjänsten", titles);      // "gick inte" in a success is no failure
        Assert.Null(reports.Query(text).Suggestion);
    }

    [Fact]
    public void The_failure_words_are_one_concept_so_a_failure_on_the_topic_covers_the_whole_query()
    {
        using var reports = new MemoryReports(
            ("Upphandling av trygghetslarm", "Det lades ner mycket arbete på att upphandla de nya trygghetslarmen.", "lyckades"),
            ("Trygghetslarm i glesbygden", "Larmen kopplades upp.", "misslyckades"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));

        // "trygghetslarm" is one concept and "stoppades och lades ner" one more, not three (the success says "lades ner").
        Assert.Equal("Trygghetslarm i glesbygden", reports.Titles("trygghetslarm stoppades och lades ner")[0]);
    }

    [Theory]
    [InlineData("schemat fungerade", "Schemat fungerade bra")]
    [InlineData("brist på personal", "Brist på personal i hemtjänsten")]
    public void Without_a_failure_expression_the_same_words_are_the_topic(string text, string first)
    {
        using var reports = new MemoryReports(
            ("Schemat fungerade bra", "Personalen fick ett nytt schema.", "lyckades"),
            ("Brist på personal i hemtjänsten", "Vi rekryterade undersköterskor.", "lyckades"),
            ("Schema för skolskjutsar", "Efter ett halvår återgick vi till det gamla.", "avbruten"),
            ("Personal i skolköket", "Kockarna fick nya scheman.", "avbruten"));

        Assert.Equal(first, reports.Titles(text)[0]);
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

    [Fact]
    public void The_thesaurus_finds_reports_that_name_the_thing_with_the_fields_other_words_without_any_moderated_group()
    {
        using var reports = new MemoryReports(
            ("Sensorer på ett särskilt boende", "Personalen fick larm i mobilen.", "lyckades"),
            ("Energianvändningen i skolorna", "Ny ventilation sparade el.", "lyckades"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));

        Assert.Equal(["Sensorer på ett särskilt boende"], reports.Titles("äldreboenden"));
        Assert.Equal(["Energianvändningen i skolorna"], reports.Titles("energiförbrukning"));
    }

    [Fact]
    public void A_word_from_the_thesaurus_ranks_below_the_word_the_user_typed()
    {
        using var reports = new MemoryReports(
            ("Energianvändningen i skolorna", "Ny ventilation sparade el.", "lyckades"),
            ("Energiförbrukningen i skolorna", "Ny ventilation sparade el.", "lyckades"));

        Assert.Equal(["Energiförbrukningen i skolorna", "Energianvändningen i skolorna"], reports.Titles("energiförbrukning"));
    }

    [Fact]
    public void An_action_noun_finds_its_verb_and_the_verb_its_noun_ranked_below_the_form_typed()
    {
        using var reports = new MemoryReports(
            ("Vi upphandlade trygghetslarm", "Det tog ett halvår.", "lyckades"),
            ("Upphandling av trygghetslarm", "Inga anbud kom in.", "misslyckades"),
            ("Automatiseringen av lönerna", "Roboten tog över kontrollerna.", "delvis"),
            ("Solceller på skolan", "Elen räckte till köket.", "lyckades"));

        Assert.Equal(["Upphandling av trygghetslarm", "Vi upphandlade trygghetslarm"], reports.Titles("upphandling"));
        Assert.Equal(["Vi upphandlade trygghetslarm", "Upphandling av trygghetslarm"], reports.Titles("upphandla"));
        Assert.Equal(["Automatiseringen av lönerna"], reports.Titles("automatisera"));
    }

    [Fact]
    public void A_report_covering_every_concept_ranks_above_one_that_matches_a_single_concept_strongly()
    {
        using var reports = new MemoryReports(
            ("Hemtjänsten", "Personalen fick nya scheman.", "lyckades"),
            ("Ett nytt schema för året", "Nattkameror ersatte besöken i hemtjänsten.", "lyckades"),
            ("Nattkameror på torget", "Polisen satte upp nattkameror.", "lyckades"),
            ("Nattkameror i trapphusen", "Bostadsbolaget satte upp nattkameror.", "lyckades"));
        var query = reports.Query("hemtjänst nattkameror");

        Assert.Equal("Hemtjänsten", reports.Titles(query.Highlight!)[0]);      // by BM25 alone, the one concept wins
        Assert.Equal("Ett nytt schema för året", reports.Titles("hemtjänst nattkameror")[0]);
    }

    [Fact]
    public void A_score_keeps_the_share_of_the_concepts_a_report_covers_and_a_required_phrase_is_not_a_concept()
    {
        using var reports = new MemoryReports(
            ("Vård på distans med nattkameror i hemtjänsten", "Ett projekt.", "lyckades"),
            ("Vård på distans med nattkameror", "Ett projekt.", "lyckades"),
            ("Vård på distans", "Ett projekt.", "lyckades"));
        var query = reports.Query("\"vård på distans\" nattkameror hemtjänst");

        var coordinated = reports.Scores(query.Query!);
        var uncoordinated = reports.Scores(query.Highlight!);      // the same clauses, summed by BM25 alone

        double Kept(string title) => coordinated[title] / uncoordinated[title];
        Assert.Equal(1.0, Kept("Vård på distans med nattkameror i hemtjänsten"), 1e-5);
        Assert.Equal(1 - 0.8 / 2, Kept("Vård på distans med nattkameror"), 1e-5);
        Assert.Equal(1 - 0.8, Kept("Vård på distans"), 1e-5);
    }
}
