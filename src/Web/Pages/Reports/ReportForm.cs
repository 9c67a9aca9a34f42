using System.ComponentModel.DataAnnotations;

using Lessons.Application.Common.Ports;
using Lessons.Application.Reports;

using Mediator;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Reports;

public sealed class EffectRow
{
    public string? Kind { get; set; }
    public string? Description { get; set; }
    [Display(Name = "Mätt värde")] public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Description) && Value is null && string.IsNullOrWhiteSpace(Unit);
}

public sealed class SupportRow
{
    public string? Kind { get; set; }
    public string? Provider { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Provider);
}

public sealed class LinkRow
{
    public string? Title { get; set; }
    public string? Url { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url);
}

/// <summary>The report form as the browser posts it. Blank rows are the form's spare lines and are dropped.</summary>
public sealed class ReportForm
{
    public const int SpareRows = 2;

    public string? Title { get; set; }
    public string? Summary { get; set; }
    [Display(Name = "Startår")] public int? YearStarted { get; set; }
    [Display(Name = "Slutår")] public int? YearEnded { get; set; }
    public string? Outcome { get; set; }
    public string? Stage { get; set; }
    public List<string> Principles { get; set; } = [];
    public List<string> Challenges { get; set; } = [];
    public List<string> InnovationTypes { get; set; } = [];
    public List<string> Drivers { get; set; } = [];
    public List<string> Collaborators { get; set; } = [];
    public List<EffectRow> Effects { get; set; } = [];
    [Display(Name = "Kostnad")] public decimal? CostSek { get; set; }
    [Display(Name = "Arbetsinsats")] public int? EffortHours { get; set; }
    public string? CostNote { get; set; }
    public List<SupportRow> Support { get; set; } = [];
    public List<LinkRow> Links { get; set; } = [];
    public string? CoOrganisations { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? Background { get; set; }
    public string? WhatWeDid { get; set; }
    public string? Result { get; set; }
    public string? Lessons { get; set; }
    public string? Recommendations { get; set; }
    [Display(Name = "Bara för medlemmar")] public bool MembersOnly { get; set; }
    [Display(Name = "Publicera anonymt")] public bool Anonymous { get; set; }

    public ReportInput ToInput() => new()
    {
        Title = Title, Summary = Summary, YearStarted = YearStarted, YearEnded = YearEnded, Outcome = Outcome, Stage = Stage,
        Principles = Principles, Challenges = Challenges, InnovationTypes = InnovationTypes, Drivers = Drivers,
        Collaborators = Collaborators,
        Effects = [.. Effects.Where(e => !e.IsBlank).Select(e => new EffectInput(e.Kind, e.Description, e.Value, e.Unit))],
        CostSek = CostSek, EffortHours = EffortHours, CostNote = CostNote,
        Support = [.. Support.Where(s => !s.IsBlank).Select(s => new SupportInput(s.Kind, s.Provider))],
        Links = [.. Links.Where(l => !l.IsBlank).Select(l => new LinkInput(l.Title, l.Url))],
        CoOrganisations = [.. (CoOrganisations ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        ContactName = ContactName, ContactEmail = ContactEmail, Background = Background, WhatWeDid = WhatWeDid,
        Result = Result, Lessons = Lessons, Recommendations = Recommendations, MembersOnly = MembersOnly, Anonymous = Anonymous,
    };

    public static ReportForm From(ReportInput i) => new()
    {
        Title = i.Title, Summary = i.Summary, YearStarted = i.YearStarted, YearEnded = i.YearEnded, Outcome = i.Outcome, Stage = i.Stage,
        Principles = [.. i.Principles], Challenges = [.. i.Challenges], InnovationTypes = [.. i.InnovationTypes],
        Drivers = [.. i.Drivers], Collaborators = [.. i.Collaborators],
        Effects = [.. i.Effects.Select(e => new EffectRow { Kind = e.Kind, Description = e.Description, Value = e.Value, Unit = e.Unit })],
        CostSek = i.CostSek, EffortHours = i.EffortHours, CostNote = i.CostNote,
        Support = [.. i.Support.Select(s => new SupportRow { Kind = s.Kind, Provider = s.Provider })],
        Links = [.. i.Links.Select(l => new LinkRow { Title = l.Title, Url = l.Url })],
        CoOrganisations = string.Join('\n', i.CoOrganisations),
        ContactName = i.ContactName, ContactEmail = i.ContactEmail, Background = i.Background, WhatWeDid = i.WhatWeDid,
        Result = i.Result, Lessons = i.Lessons, Recommendations = i.Recommendations, MembersOnly = i.MembersOnly, Anonymous = i.Anonymous,
    };

    /// <summary>Drops blank rows (so error indexes match the rows shown) and adds spare ones to fill in.</summary>
    public void ArrangeRows()
    {
        Effects = [.. Effects.Where(e => !e.IsBlank), .. Enumerable.Range(0, SpareRows).Select(_ => new EffectRow())];
        Support = [.. Support.Where(s => !s.IsBlank), .. Enumerable.Range(0, SpareRows).Select(_ => new SupportRow())];
        Links = [.. Links.Where(l => !l.IsBlank), .. Enumerable.Range(0, SpareRows).Select(_ => new LinkRow())];
    }
}

/// <summary>What the new-report and edit pages share: the form, its preview and how errors reach the fields.</summary>
public abstract class ReportFormPage(ISender sender, IMarkdownRenderer markdown) : PageModel
{
    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public bool ShowPreview { get; private set; }

    public IMarkdownRenderer Markdown => markdown;

    protected ISender Sender => sender;

    public abstract string SaveLabel { get; }

    /// <summary>Only a new report is checked for precedents; an edit already has its place.</summary>
    public virtual bool OffersPrecedentCheck => false;

    /// <summary>The precedents found for the title and summary, once the author asked.</summary>
    public IReadOnlyList<Application.Reports.Queries.ReportSummary>? Precedents { get; protected set; }

    /// <summary>Shows the Markdown as it will read, without saving: works without JavaScript.</summary>
    protected IActionResult Preview()
    {
        ModelState.Clear();
        ShowPreview = true;
        Input.ArrangeRows();
        return Page();
    }

    protected IActionResult Redisplay()
    {
        Input.ArrangeRows();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
