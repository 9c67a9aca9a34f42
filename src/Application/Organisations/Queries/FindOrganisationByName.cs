using System.Globalization;

using FluentValidation;

using Lessons.Application.Common.Errors;
using Lessons.Application.Common.Ports;
using Lessons.Application.Reports.Queries;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Organisations.Queries;

/// <summary>
/// The organisation a person means by a name they typed or picked ("Nacka", "Nacka kommun", "CSN"): its own name
/// first, then the registry's usual forms. A short form that several organisations go by ("Stockholm": the city and
/// the region) is refused, naming them, rather than guessed.
/// </summary>
public sealed record FindOrganisationByNameQuery(string? OrganisationName) : IRequest<OrganisationRef>;

public sealed class FindOrganisationByNameValidator : AbstractValidator<FindOrganisationByNameQuery>
{
    public FindOrganisationByNameValidator() =>
        RuleFor(q => q.OrganisationName)
            .NotEmpty().WithMessage("Skriv namnet på organisationen.")
            .MaximumLength(200).WithMessage("Namnet får vara högst 200 tecken.");
}

internal sealed class FindOrganisationByNameHandler(ILessonsDbContext db) : IRequestHandler<FindOrganisationByNameQuery, OrganisationRef>
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async ValueTask<OrganisationRef> Handle(FindOrganisationByNameQuery query, CancellationToken ct)
    {
        var written = query.OrganisationName!.Trim();
        var organisations = await db.Organisations.AsNoTracking().Select(o => new OrganisationRef(o.Id, o.Name, o.Type)).ToListAsync(ct);
        var byAlias = await db.OrganisationAliases.AsNoTracking()
            .ToDictionaryAsync(a => a.NormalisedName, a => a.OrganisationId, StringComparer.Ordinal, ct);

        foreach (var candidate in OrganisationNames.Candidates(written))
        {
            var named = organisations.Where(o => OrganisationNames.Normalise(o.Name) == candidate).ToList();
            if (named.Count == 1) return named[0];
            if (named.Count > 1) throw Ambiguous(written, named);
            if (byAlias.TryGetValue(candidate, out var id) && organisations.Find(o => o.Id == id) is { } found)
            {
                // The alias table keeps a shared short form for the first organisation seeded; the others still go by it.
                var others = organisations.Where(o => o.Id != id && OrganisationNames.ShortFormsOf(o.Name, o.Type).Contains(candidate)).ToList();
                if (others.Count > 0) throw Ambiguous(written, [found, .. others]);
                return found;
            }
        }
        throw new ValidationFailedException(nameof(query.OrganisationName),
            $"Vi hittar ingen organisation som heter \"{written}\". Välj ett namn i listan, till exempel \"Nacka kommun\", \"Region Skåne\" eller \"Skolverket\".");
    }

    private static ValidationFailedException Ambiguous(string written, IEnumerable<OrganisationRef> organisations)
    {
        var names = organisations.Select(o => o.Name).Distinct().Order(StringComparer.Create(Swedish, ignoreCase: false)).Select(n => $"\"{n}\"");
        return new ValidationFailedException(nameof(FindOrganisationByNameQuery.OrganisationName),
            $"\"{written}\" kan vara flera organisationer: {string.Join(" eller ", names)}. Skriv hela namnet.");
    }
}
