using Lessons.Domain.Taxonomy;

using Mediator;

namespace Lessons.Application.Taxonomy;

public sealed record TaxonomyTerm(string Key, string Label, string LabelEn);

/// <summary>Every controlled list with its keys and labels, keyed by the list's contract name.</summary>
public sealed record GetTaxonomyQuery : IRequest<IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>>>;

internal sealed class GetTaxonomyHandler : IRequestHandler<GetTaxonomyQuery, IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>>>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>> All = new Dictionary<string, IReadOnlyList<TaxonomyTerm>>
    {
        ["outcomes"] = Terms(Vocabulary.Outcomes),
        ["stages"] = Terms(Vocabulary.Stages),
        ["organisationTypes"] = Terms(Vocabulary.OrganisationTypes),
        ["principles"] = Terms(Vocabulary.Principles),
        ["challenges"] = Terms(Vocabulary.Challenges),
        ["innovationTypes"] = Terms(Vocabulary.InnovationTypes),
        ["drivers"] = Terms(Vocabulary.Drivers),
        ["effects"] = Terms(Vocabulary.EffectKinds),
        ["collaborators"] = Terms(Vocabulary.Collaborators),
        ["support"] = Terms(Vocabulary.SupportKinds),
    };

    public ValueTask<IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>>> Handle(GetTaxonomyQuery query, CancellationToken ct) =>
        ValueTask.FromResult(All);

    private static TaxonomyTerm[] Terms<T>(TermList<T> list) where T : notnull =>
        [.. list.All.Select(t => new TaxonomyTerm(t.Key, t.Label, t.LabelEn))];
}
