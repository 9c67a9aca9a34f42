using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Lessons.Web.Pages.Reports;

/// <summary>A report's page, and the buttons that move it along: submit, publish, send back, withdraw, "we reused this".</summary>
[OutputCache(PolicyName = SharedPageCache.Policy)]
public sealed class DetailsModel(ISender sender) : PageModel
{
    public ReportDetails Report { get; private set; } = null!;

    public IReadOnlyList<ReportSummary> Similar { get; private set; } = [];

    [BindProperty]
    public string? ReuseNote { get; set; }

    [BindProperty]
    public string? WithdrawReason { get; set; }

    [BindProperty]
    public string? ReturnComment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Report = await sender.Send(new GetReportQuery(id.ToString()), ct);
        if (Report.Status == Domain.Reports.ReportStatus.Published)
            Similar = await sender.Send(new FindSimilarReportsQuery(id.ToString()), ct);
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        Act(id, new SubmitForReviewCommand(id), "Rapporten är skickad för granskning till organisationens redaktörer.", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        Act(id, new PublishReportCommand(id), "Rapporten är publicerad.", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Act(id, new ReturnToDraftCommand(id, ReturnComment), "Rapporten är skickad tillbaka till författaren med din kommentar.", ct);

    public Task<IActionResult> OnPostApproveChangeAsync(Guid id, CancellationToken ct) =>
        Act(id, new ApproveRevisionCommand(id), "Ändringen är godkänd och syns nu för läsarna.", ct);

    public Task<IActionResult> OnPostRedactAsync(Guid id, int number, CancellationToken ct) =>
        Act(id, new RedactRevisionCommand(id, number), UiText.Format("Version {0} är borttagen.", number), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        Act(id, new WithdrawReportCommand(id, WithdrawReason), "Rapporten är tillbakadragen.", ct);

    public Task<IActionResult> OnPostReuseAsync(Guid id, CancellationToken ct) =>
        Act(id, new MarkReusedCommand(id, ReuseNote), "Tack! Din återanvändning syns nu på rapporten.", ct);

    private async Task<IActionResult> Act(Guid id, IRequest<Unit> command, string done, CancellationToken ct)
    {
        try
        {
            await sender.Send(command, ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            // Field errors of the reuse note belong to its field on this page.
            MoveErrors("Note", nameof(ReuseNote));
            MoveErrors("Reason", nameof(WithdrawReason));
            MoveErrors(nameof(ReturnToDraftCommand.Comment), nameof(ReturnComment));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id, ct);
        }
        TempData["Status"] = done;
        return RedirectToPage(new { id });       // Post-Redirect-Get
    }

    private void MoveErrors(string from, string to)
    {
        if (ModelState[from] is not { } entry) return;
        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        ModelState.Remove(from);
        foreach (var message in messages) ModelState.AddModelError(to, message);
    }
}
