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
    [InlineData("Kalmar", "kalmar kommun")]
    [InlineData("Kalmar", "kalmars kommun")]
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
    [InlineData("Kalmar", "Kalmar kommun")]
    [InlineData("Haparanda", "Haparanda stad")]
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

    [Fact]
    public void Every_municipality_goes_by_the_name_it_uses_itself()
    {
        // Written out name by name (Data/organisations/kommunnamn.csv), not generated: the list the rules must meet.
        var expected = Csv("organisations/kommunnamn.csv").ToDictionary(r => r[0], r => r[1]);
        var registry = OrganisationRegistry.Load();
        var actual = registry.Where(e => e.Type == OrganisationType.Kommun).ToDictionary(e => e.Code!, e => e.Name);
        actual["0980"] = registry.Single(e => e.Type == OrganisationType.Region && e.Code == "09").Name;

        var wrong = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => $"{e.Key}: \"{actual.GetValueOrDefault(e.Key)}\", not \"{e.Value}\"").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(290, expected.Count);
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void Every_region_and_agency_goes_by_its_name_in_the_source_files()
    {
        var registry = OrganisationRegistry.Load();
        Assert.Equal(Csv("registry/regioner.csv").Select(r => r[1]), registry.Where(e => e.Type == OrganisationType.Region).Select(e => e.Name));
        Assert.Equal(Csv("registry/myndigheter.csv").Select(r => r[1]), registry.Where(e => e.Type == OrganisationType.Myndighet).Select(e => e.Name));
    }

    [Fact]
    public void A_municipality_is_written_with_the_genitive_of_the_district_court_named_after_the_town()
    {
        // "Kalmar tingsrätt", "Falu tingsrätt", "Lunds tingsrätt": the agency register spells the town's genitive as
        // the municipality does. Courts named after a landscape or a county ("Värmlands tingsrätt") match no municipality.
        var municipalities = Csv("registry/kommuner.csv").Where(r => r[0] != "0980")
            .Select(r => (Short: r[1], Name: OrganisationNames.MunicipalityName(r[1]))).ToList();
        var courts = Csv("registry/myndigheter.csv").Select(r => r[1]).Where(n => n.EndsWith(" tingsrätt", StringComparison.Ordinal))
            .Select(n => n[..^" tingsrätt".Length]).ToList();

        var checkedTowns = 0;
        foreach (var genitive in courts)
        {
            var town = municipalities.Where(m => m.Short == genitive || m.Short + "s" == genitive
                || (m.Short.Length == genitive.Length + 1 && m.Short.StartsWith(genitive, StringComparison.Ordinal))).ToList();
            if (town.Count == 0) continue;
            Assert.StartsWith(genitive + " ", Assert.Single(town).Name, StringComparison.Ordinal);
            checkedTowns++;
        }
        Assert.True(checkedTowns > 30, $"only {checkedTowns} courts named after a town");
    }

    [Fact]
    public void Every_organisation_is_found_under_its_own_name_and_no_other_organisation_claims_that_name()
    {
        var registry = OrganisationRegistry.Load();
        Assert.Equal(650, registry.Count);
        var claims = registry.SelectMany(e => e.Aliases.Select(a => (Alias: a, e.Name))).ToLookup(c => c.Alias, c => c.Name);
        foreach (var entry in registry)
        {
            var own = OrganisationNames.Normalise(entry.Name);
            Assert.Equal([entry.Name], claims[own].Distinct());
        }
        foreach (var row in Csv("registry/kommuner.csv"))
            Assert.True(claims.Contains(OrganisationNames.Normalise(row[1])), $"no organisation is found as \"{row[1]}\"");
    }

    private static IEnumerable<string[]> Csv(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Skip(1).Where(l => l.Length > 0).Select(OrganisationRegistry.SplitCsvLine);

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("1,\"x, y\",z", new[] { "1", "x, y", "z" })]
    [InlineData("\"he said \"\"hej\"\"\",", new[] { "he said \"hej\"", "" })]
    public void Csv_lines_split_on_commas_outside_quotes(string line, string[] fields)
    {
        Assert.Equal(fields, OrganisationRegistry.SplitCsvLine(line));
    }
}
