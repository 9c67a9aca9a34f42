using Lessons.Application.Common.Errors;
using Lessons.Application.Members.Commands;
using Lessons.Application.Members.Queries;
using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Application.Reports.Commands;
using Lessons.Domain.Members;
using Lessons.Domain.Reports;
using Lessons.IntegrationTests.Fixtures;

using Microsoft.EntityFrameworkCore;

namespace Lessons.IntegrationTests.UseCases;

public sealed class MembershipTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_registry_holds_all_municipalities_regions_and_agencies(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var all = await app.SendAs(Actor.Nobody, new ListOrganisationsQuery());
        Assert.Equal(650, all.Count);
        Assert.Equal(all.OrderBy(o => o.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)).Select(o => o.Name),
            all.Select(o => o.Name));       // Swedish order: Å, Ä, Ö after Z
        Assert.Equal("Övertorneå kommun", all.Where(o => o.Type == Lessons.Domain.Taxonomy.OrganisationType.Kommun).Last().Name);
        Assert.Equal(await app.OrganisationId("Gotlands kommun"), await app.OrganisationId("Region Gotland"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_confirmed_address_at_a_registered_domain_joins_the_organisation(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var umea = await app.OrganisationId("Umeå kommun");
        await app.SendAs(await app.Moderator(), new ChangeEmailDomainCommand(umea, "@Umea.se"));

        var id = Guid.NewGuid();
        await app.Send(new ActivateMemberCommand(id, "anna.andersson@umea.se", "Anna Andersson"));

        var account = await app.SendAs(new Actor(id), new GetMyAccountQuery());
        Assert.Equal("Umeå kommun", account.Organisation!.Name);
        Assert.Equal(MemberRole.Member, account.Role);
        await app.SendAs(new Actor(id), new CreateDraftCommand(Drafts.Valid()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_a_registered_domain_joining_waits_for_an_editor(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var editor = await app.Member("Lunds kommun", editor: true);
        var lund = await app.OrganisationId("Lunds kommun");
        var applicant = await app.Confirmed("Ali Sökande");

        var outcome = await app.SendAs(applicant, new RequestMembershipCommand(lund));

        Assert.False(outcome.Joined);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(applicant, new CreateDraftCommand(Drafts.Valid())));
        var page = await app.SendAs(editor, new GetOrganisationQuery(lund));
        Assert.Contains(page.Management!.Requests, r => r.DisplayName == "Ali Sökande");
        var plainMember = await app.Member("Lunds kommun");
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.SendAs(plainMember, new ManageMemberCommand(lund, applicant.Id!.Value, MemberAction.Approve)));

        await app.SendAs(editor, new ManageMemberCommand(lund, applicant.Id!.Value, MemberAction.Approve));

        Assert.Equal("Lunds kommun", (await app.SendAs(applicant, new GetMyAccountQuery())).Organisation!.Name);
        await app.SendAs(applicant, new CreateDraftCommand(Drafts.Valid()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_domain_belongs_to_one_organisation_and_only_its_editors_register_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var nacka = await app.OrganisationId("Nacka kommun");
        var lund = await app.OrganisationId("Lunds kommun");
        var editor = await app.Member("Nacka kommun", editor: true);
        await app.SendAs(editor, new ChangeEmailDomainCommand(nacka, "nacka.se"));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(editor, new ChangeEmailDomainCommand(lund, "lund.se")));
        var moderator = await app.Moderator();
        var taken = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            app.SendAs(moderator, new ChangeEmailDomainCommand(lund, "nacka.se")));
        Assert.Contains("Domain", taken.Errors.Keys);
        await Assert.ThrowsAsync<Lessons.Domain.DomainRuleException>(() => app.SendAs(editor, new ChangeEmailDomainCommand(nacka, "inte en domän")));
        Assert.Equal(["nacka.se"], await app.WithDb(db => db.Organisations.Where(o => o.Id == nacka).Select(o => o.EmailDomains).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_member_removed_from_the_organisation_can_no_longer_edit_submit_or_withdraw_its_reports(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        var lund = await app.OrganisationId("Lunds kommun");
        var author = await app.Member("Lunds kommun");
        var editor = await app.Member("Lunds kommun", editor: true);
        var draft = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Utkastet")));
        var published = await app.SendAs(author, new CreateDraftCommand(Drafts.Valid("Den publicerade")));
        await app.SendAs(editor, new PublishReportCommand(published));
        await app.SendAs(author, new UpdateReportCommand(draft, Drafts.Valid("Ändrat medan hon var medlem")));

        await app.SendAs(editor, new ManageMemberCommand(lund, author.Id!.Value, MemberAction.Remove));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(author, new UpdateReportCommand(draft, Drafts.Valid("Ändrat efteråt"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(author, new SubmitForReviewCommand(draft)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(author, new UpdateReportCommand(published, Drafts.Valid("Ny version efteråt"))));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(author, new WithdrawReportCommand(published, null)));
        var report = await app.SendAs(editor, new Lessons.Application.Reports.Queries.GetReportQuery(draft.ToString()));
        Assert.Equal(("Ändrat medan hon var medlem", ReportStatus.Draft), (report.Content.Title, report.Status));
        await app.SendAs(editor, new SubmitForReviewCommand(draft));       // the organisation's editors still act on it
    }
}
