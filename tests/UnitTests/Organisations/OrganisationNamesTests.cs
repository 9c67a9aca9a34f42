using Lessons.Application.Organisations;
using Lessons.Domain.Taxonomy;
using Lessons.Infrastructure.Persistence;

namespace Lessons.UnitTests.Organisations;

public sealed class OrganisationNamesTests
{
    [Theory]
    [InlineData("Nacka", "nacka kommun")]
    [InlineData("Göteborg", "göteborgs stad")]
    [InlineData("Stockholm", "stockholms stad")]
    [InlineData("Borås", "borås stad")]
    [InlineData("Falun", "falu kommun")]
    [InlineData("Ale", "ale kommun")]
    [InlineData("Malmö", "malmö stad")]
    public void A_municipality_is_found_under_the_names_people_write(string registryName, string written)
    {
        Assert.Contains(OrganisationNames.Normalise(written), OrganisationNames.AliasesOf(registryName, OrganisationType.Kommun));
    }

    [Theory]
    [InlineData("Umeå", "Umeå kommun")]
    [InlineData("Lund", "Lunds kommun")]
    [InlineData("Falun", "Falu kommun")]
    [InlineData("Ale", "Ale kommun")]
    [InlineData("Borås", "Borås Stad")]
    [InlineData("Stockholm", "Stockholms stad")]
    [InlineData("Upplands Väsby", "Upplands Väsby kommun")]
    public void A_municipality_goes_by_its_usual_name(string shortName, string name)
    {
        Assert.Equal(name, OrganisationNames.MunicipalityName(shortName));
    }

    [Fact]
    public void A_region_is_found_with_and_without_the_word_region()
    {
        var aliases = OrganisationNames.AliasesOf("Region Skåne", OrganisationType.Region).ToList();
        Assert.Contains("region skåne", aliases);
        Assert.Contains("skåne", aliases);
    }

    [Fact]
    public void A_name_with_its_abbreviation_in_parentheses_tries_both()
    {
        Assert.Equal(["centrala studiestödsnämnden (csn)", "centrala studiestödsnämnden", "csn"],
            OrganisationNames.Candidates("Centrala studiestödsnämnden (CSN)"));
    }

    [Fact]
    public void Normalising_folds_case_the_Swedish_way_and_collapses_spaces()
    {
        Assert.Equal("örebro kommun", OrganisationNames.Normalise("  ÖREBRO   Kommun "));
    }

    [Fact]
    public void The_registry_holds_every_municipality_region_and_agency_with_Gotland_once()
    {
        var entries = OrganisationRegistry.Load();
        Assert.Equal(21, entries.Count(e => e.Type == OrganisationType.Region));
        Assert.Equal(289, entries.Count(e => e.Type == OrganisationType.Kommun));   // 290 less Gotland, which is Region Gotland
        Assert.Equal(340, entries.Count(e => e.Type == OrganisationType.Myndighet));
        Assert.Contains(entries, e => e.Name == "Forskningsrådet för hälsa, arbetsliv och välfärd");   // a quoted CSV field
        Assert.Contains("gotlands kommun", entries.Single(e => e.Name == "Region Gotland").Aliases);
        Assert.Contains(entries, e => e.Name == "Umeå kommun" && e.Code == "2480");
        Assert.Contains(entries, e => e.Name == "Göteborgs Stad" && e.Aliases.Contains("göteborgs stad"));
        Assert.Contains(entries, e => e.Name == "Falu kommun");
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("1,\"x, y\",z", new[] { "1", "x, y", "z" })]
    [InlineData("\"he said \"\"hej\"\"\",", new[] { "he said \"hej\"", "" })]
    public void Csv_lines_split_on_commas_outside_quotes(string line, string[] fields)
    {
        Assert.Equal(fields, OrganisationRegistry.SplitCsvLine(line));
    }
}
