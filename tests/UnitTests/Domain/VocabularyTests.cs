using Lessons.Domain.Taxonomy;

namespace Lessons.UnitTests.Domain;

public sealed class VocabularyTests
{
    [Fact]
    public void The_contract_keys_of_DESIGN_md_are_all_there()
    {
        Assert.Equal(["lyckades", "delvis", "misslyckades", "avbruten", "pagaende"], Vocabulary.Outcomes.Keys);
        Assert.Equal(["ide", "test", "inforande", "spridning"], Vocabulary.Stages.Keys);
        Assert.Equal(["kommun", "region", "myndighet", "bolag", "kommunalforbund", "ovrig"], Vocabulary.OrganisationTypes.Keys);
        Assert.Equal(5, Vocabulary.Principles.All.Count);
        Assert.Equal(10, Vocabulary.Challenges.All.Count);
        Assert.Equal("Odla nya partnerskap och låt olika röster komma till tals", Vocabulary.Principles.LabelOfKey("partnerskap-och-roster"));
    }

    [Fact]
    public void Keys_parse_back_to_their_values_and_unknown_keys_do_not()
    {
        foreach (var term in Vocabulary.Outcomes.All) Assert.Equal(term.Value, Vocabulary.Outcomes.Parse(term.Key));
        Assert.False(Vocabulary.Outcomes.TryParse("Lyckades", out _));     // keys are exact
        Assert.False(Vocabulary.Stages.IsKey(null));
    }
}
