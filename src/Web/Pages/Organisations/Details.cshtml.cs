using Lessons.Application.Common.Errors;
using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Organisations;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public OrganisationPage Organisation { get; private set; } = null!;

    [BindProperty]
    public string? Domain { get; set; }

    /// <summary>Set by the confirmation step's own button: only then does a removal happen.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>A removal asked for but not yet confirmed: the page shows what will go and asks first.</summary>
    public PendingRemoval? Removal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Organisation = await sender.Send(new GetOrganisationQuery(id), ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddDomainAsync(Guid id, CancellationToken ct) =>
        Act(id, new ChangeEmailDomainCommand(id, Domain), UiText.Format("Domänen {0} är tillagd.", Domain), ct);

    // A removal cannot be undone with a click, so the "Ta bort" button only leads to a confirmation step (a plain
    // page, no script needed), and the server removes nothing unless that step's form says it was confirmed.
    public async Task<IActionResult> OnPostRemoveDomainAsync(Guid id, CancellationToken ct)
    {
        if (Confirmed) return await Act(id, new ChangeEmailDomainCommand(id, Domain, Remove: true), UiText.Format("Domänen {0} är borttagen.", Domain), ct);
        await OnGetAsync(id, ct);
        var domain = Manageable().EmailDomains.FirstOrDefault(d => string.Equals(d, Domain?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException("Domänen", Domain ?? "");
        var (question, consequence) = DomainRemoval(domain, Organisation.Name);
        Removal = new PendingRemoval("RemoveDomain", question, consequence, null, domain);
        return Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(Guid id, Guid memberId, MemberAction action, CancellationToken ct)
    {
        if (action != MemberAction.Remove || Confirmed) return await Act(id, new ManageMemberCommand(id, memberId, action), "Ändringen är sparad.", ct);
        await OnGetAsync(id, ct);
        var member = Manageable().Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("Medlemmen", memberId);
        var (question, consequence) = MemberRemoval(member.DisplayName, member.Email, Organisation.Name);
        Removal = new PendingRemoval("Member", question, consequence, member.Id, null);
        return Page();
    }

    /// <summary>The management part of the page, which only the organisation's editors and moderators get.</summary>
    private OrganisationManagement Manageable() =>
        Organisation.Management ?? throw new ForbiddenException("Bara organisationens redaktörer hanterar dess medlemmar.");

    /// <summary>What the confirmation step asks before a domain goes; the page's dialog (a script) asks the same.</summary>
    public static (string Question, string Consequence) DomainRemoval(string domain, string organisation) =>
        (UiText.Format("Vill du ta bort domänen {0}?", domain),
            UiText.Format("Den som bekräftar en e-postadress på {0} blir inte längre medlem i {1} direkt. Den som redan är medlem påverkas inte.", domain, organisation));

    public static (string Question, string Consequence) MemberRemoval(string name, string email, string organisation) =>
        (UiText.Format("Vill du ta bort {0} ur {1}?", name, organisation),
            UiText.Format("{0} ({1}) slutar vara medlem och kan inte längre skriva eller redigera organisationens rapporter. Publicerade rapporter finns kvar.", name, email));

    public sealed record PendingRemoval(string Handler, string Question, string Consequence, Guid? MemberId, string? Domain);

    private async Task<IActionResult> Act(Guid id, IRequest<Unit> command, string done, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id, ct);
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });
    }
}
