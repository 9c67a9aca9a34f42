using FluentValidation;

using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Security;
using Lessons.Application.Organisations;
using Lessons.Domain.Organisations;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.EntityFrameworkCore;

namespace Lessons.Application.Reports.Commands;

public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<string> NewOrganisations);

/// <summary>
/// Imports reports in the exchange format. Imported reports are published. The same id again updates that report
/// (as a new revision). A file with any invalid item is rejected whole, and nothing is written.
/// </summary>
public sealed record ImportReportsCommand(IReadOnlyList<ReportRecord> Items) : IRequest<ImportResult>, IRequireAdmin;

public sealed class ImportReportsValidator : AbstractValidator<ImportReportsCommand>
{
    public ImportReportsValidator(TimeProvider clock, IMarkdownRenderer markdown)
    {
        RuleFor(c => c.Items).NotNull().WithMessage("Filen innehåller ingen lista med rapporter.");
        RuleForEach(c => c.Items).SetValidator(new ReportRecordValidator(clock, markdown));
        RuleFor(c => c.Items).Must(items => items.Select(i => i.Id).Distinct().Count() == items.Count)
            .When(c => c.Items is not null)
            .WithMessage(c => "Samma id förekommer flera gånger: " + string.Join(", ",
                c.Items.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.Key)) + ".");
    }
}

/// <summary>One item of an import file. Problems are named by the file's own field names (<c>year</c>, <c>outcome</c>).</summary>
public sealed class ReportRecordValidator : AbstractValidator<ReportRecord>
{
    public ReportRecordValidator(TimeProvider clock, IMarkdownRenderer markdown)
    {
        var input = new ReportInputValidator(clock, markdown);
        RuleFor(i => i.Id).NotEmpty().WithMessage("Varje rapport behöver ett id.").OverridePropertyName("id")
            .MaximumLength(100).WithMessage("Id får vara högst 100 tecken.");
        RuleFor(i => i.Organisation).NotEmpty().When(i => !i.Anonymous).WithMessage("Ange organisationens namn.")
            .MaximumLength(200).WithMessage("Organisationens namn får vara högst 200 tecken.").OverridePropertyName("organisation");
        RuleFor(i => i.OrganisationType).Must(Vocabulary.OrganisationTypes.IsKey)
            .When(i => !i.Anonymous || i.OrganisationType is not null)
            .WithMessage("Okänd organisationstyp. Giltiga värden: " + string.Join(", ", Vocabulary.OrganisationTypes.Keys) + ".")
            .OverridePropertyName("organisationType");
        RuleFor(i => i).Custom((record, context) =>
        {
            foreach (var failure in input.Validate(record.ToInput()).Errors)
                context.AddFailure(JsonName(failure.PropertyName), failure.ErrorMessage);
        });
    }

    /// <summary>"YearStarted" → "year", "Links[0].Url" → "links[0].url": the names the file uses.</summary>
    private static string JsonName(string property) => property == "YearStarted" ? "year"
        : string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

internal sealed class ImportReportsHandler(ILessonsDbContext db, OrganisationResolver organisations, TimeProvider clock)
    : IRequestHandler<ImportReportsCommand, ImportResult>
{
    /// <summary>Where an anonymous report without an organisation (an open-data export of one) is kept.</summary>
    public const string AnonymousSender = "Anonym avsändare";

    public async ValueTask<ImportResult> Handle(ImportReportsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ids = command.Items.Select(i => i.Id!).ToList();
        var existing = await db.Reports.Include(r => r.Revisions).Where(r => r.ExternalId != null && ids.Contains(r.ExternalId))
            .ToDictionaryAsync(r => r.ExternalId!, StringComparer.Ordinal, ct);
        var created = 0;
        var updated = 0;
        var newOrganisations = new List<string>();

        foreach (var item in command.Items)
        {
            var organisationName = string.IsNullOrWhiteSpace(item.Organisation) ? AnonymousSender : item.Organisation;
            var organisationId = await organisations.FindAsync(organisationName, ct);
            if (organisationId is null)
            {
                var type = item.Organisation is null ? OrganisationType.Ovrig : Vocabulary.OrganisationTypes.Parse(item.OrganisationType!);
                var organisation = Organisation.Unlisted(Guid.NewGuid(), organisationName, type, now);
                db.Organisations.Add(organisation);
                foreach (var alias in OrganisationNames.AliasesOf(organisation.Name, type))
                    db.OrganisationAliases.Add(new OrganisationAlias(organisation.Id, alias));
                organisations.Remember(organisation.Name, organisation.Id);
                newOrganisations.Add(organisation.Name);
                organisationId = organisation.Id;
            }

            var input = item.ToInput();
            var content = input.ToContent(await organisations.ResolveCoOrganisationsAsync(input.CoOrganisations, ct));
            if (existing.TryGetValue(item.Id!, out var report))
            {
                if (report.Status == ReportStatus.Published && report.Revise(content, input.Visibility, input.Anonymous, null, null, approved: true, now))
                    updated++;
            }
            else
            {
                db.Reports.Add(Report.Imported(item.Id!, organisationId.Value, content, input.Visibility, input.Anonymous, now));
                created++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportResult(created, updated, command.Items.Count - created - updated, newOrganisations);
    }
}
