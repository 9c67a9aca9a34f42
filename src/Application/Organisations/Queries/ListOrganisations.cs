using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Queries;

/// <summary>The registry, optionally narrowed by a name fragment and a type, sorted in Swedish order.</summary>
public sealed record ListOrganisationsQuery(string? NameContains = null, string? Type = null) : IRequest<IReadOnlyList<OrganisationRef>>;

public sealed class ListOrganisationsValidator : AbstractValidator<ListOrganisationsQuery>
{
    public ListOrganisationsValidator()
    {
        RuleFor(q => q.NameContains).MaximumLength(200).WithMessage("Söktexten får vara högst 200 tecken.");
        RuleFor(q => q.Type).Must(t => t is null || Vocabulary.OrganisationTypes.IsKey(t))
            .WithMessage("Okänd organisationstyp.");
    }
}

internal sealed class ListOrganisationsHandler(ILessonsDbContext db)
    : IRequestHandler<ListOrganisationsQuery, IReadOnlyList<OrganisationRef>>
{
    public async ValueTask<IReadOnlyList<OrganisationRef>> Handle(ListOrganisationsQuery query, CancellationToken ct)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (query.Type is { } key) { var type = Vocabulary.OrganisationTypes.Parse(key); organisations = organisations.Where(o => o.Type == type); }
        // "sv" is a Swedish collation on both providers (ICU on PostgreSQL, registered per connection on SQLite).
        var all = await organisations.OrderBy(o => EF.Functions.Collate(o.Name, "sv")).ThenBy(o => o.Id).Select(o => new OrganisationRef(o.Id, o.Name, o.Type)).ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(query.NameContains)) return all;
        var fragment = OrganisationNames.Normalise(query.NameContains);
        return [.. all.Where(o => OrganisationNames.Normalise(o.Name).Contains(fragment, StringComparison.Ordinal))];
    }
}
