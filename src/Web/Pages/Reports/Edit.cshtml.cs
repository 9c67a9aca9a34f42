using Lessons.Application.Common.Ports;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Domain.Reports;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;

namespace Lessons.Web.Pages.Reports;

public sealed class EditModel(ISender sender, IMarkdownRenderer markdown) : ReportFormPage(sender, markdown)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ReportStatus Status { get; private set; }

    /// <summary>The change note of a new version of a published report.</summary>
    [BindProperty]
    public string? ChangeNote { get; set; }

    public override string SaveLabel => Status == ReportStatus.Published ? "Spara ny version" : "Spara";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = await Sender.Send(new GetReportForEditQuery(Id), ct);
        Status = report.Status;
        Input = ReportForm.From(report.Input);
        Input.ArrangeRows();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Status = (await Sender.Send(new GetReportForEditQuery(Id), ct)).Status;
        return Preview();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Status = (await Sender.Send(new GetReportForEditQuery(Id), ct)).Status;
        if (!ModelState.IsValid) return Redisplay();
        try
        {
            await Sender.Send(new UpdateReportCommand(Id, Input.ToInput(), ChangeNote), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e, domainPrefix: "Input."))
        {
            return Redisplay();
        }
        var waits = Status == ReportStatus.Published
            && (await Sender.Send(new GetReportQuery(Id.ToString()), ct)).PendingChange?.State == RevisionState.Pending;
        TempData["Status"] = waits ? "Ändringen är sparad och väntar på granskning av en moderator. Läsarna ser den tidigare versionen tills dess."
            : Status == ReportStatus.Published ? "Ändringen är sparad som en ny version." : "Ändringarna är sparade.";
        return RedirectToPage("Details", new { id = Id });
    }
}
