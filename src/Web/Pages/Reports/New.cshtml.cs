using Lessons.Application.Common.Ports;
using Lessons.Application.Members.Queries;
using Lessons.Application.Reports.Commands;
using Lessons.Application.Reports.Queries;
using Lessons.Web.Infrastructure;

using Mediator;

using Microsoft.AspNetCore.Mvc;

namespace Lessons.Web.Pages.Reports;

public sealed class NewModel(ISender sender, IMarkdownRenderer markdown) : ReportFormPage(sender, markdown)
{
    public MyAccount? Account { get; private set; }

    /// <summary>A precedent the author chose to build on.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? BuildsOn { get; set; }

    public override string SaveLabel => "Spara utkast";

    public override bool OffersPrecedentCheck => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Account = await Sender.Send(new GetMyAccountQuery(), ct);
        Input.YearStarted ??= DateTime.UtcNow.Year;
        Input.ArrangeRows();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Account = await Sender.Send(new GetMyAccountQuery(), ct);
        return Preview();
    }

    /// <summary>The precedent check as a step of the form: it works without JavaScript and saves nothing.</summary>
    public async Task<IActionResult> OnPostPrecedentsAsync(CancellationToken ct)
    {
        Account = await Sender.Send(new GetMyAccountQuery(), ct);
        ModelState.Clear();
        try
        {
            Precedents = await Sender.Send(new FindPrecedentsQuery(Input.Title, Input.Summary), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            return Redisplay();
        }
        Input.ArrangeRows();
        return Page();
    }

    /// <summary>The live precedent check: the same findings as the step, as an HTML fragment the page's script
    /// puts in place while the author types (progressive enhancement; the step above works without it).</summary>
    public async Task<IActionResult> OnGetPrecedentsAsync(string? title, string? summary, CancellationToken ct)
    {
        try
        {
            return Partial("_Precedents", await Sender.Send(new FindPrecedentsQuery(title ?? "", summary ?? ""), ct));
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e))
        {
            return BadRequest();
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Account = await Sender.Send(new GetMyAccountQuery(), ct);
        if (!ModelState.IsValid) return Redisplay();
        Guid id;
        try
        {
            id = await Sender.Send(new CreateDraftCommand(Input.ToInput(), BuildsOn), ct);
        }
        catch (Exception e) when (ModelState.TryAddRequestErrors(e, domainPrefix: "Input."))
        {
            return Redisplay();
        }
        TempData["Status"] = "Utkastet är sparat. Skicka det för granskning när det är klart.";
        return RedirectToPage("Details", new { id });
    }
}
