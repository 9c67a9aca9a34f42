using Lessons.Application.Insights;
using Lessons.Domain.Taxonomy;

using Mediator;

using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lessons.Web.Pages.Insights;

/// <summary>/insikter: the platform's numbers as charts, each with its table and each bar leading to its reports.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public PlatformInsights Insights { get; private set; } = null!;

    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Insights = await sender.Send(new GetInsightsQuery(), ct);
        var i = Insights;
        Charts =
        [
            new("utfall", "Rapporter efter utfall", "Hur det gick: misslyckanden och avbrutna projekt räknas lika öppet som lyckade.", "Utfall",
                [.. i.ByOutcome.Select(c => new Bar(c.Label, c.Count, Search(("outcome", c.Key))))]),
            new("princip", "Rapporter efter princip", "Vilka av de fem principerna för innovation i offentlig sektor rapporterna bygger på. En rapport kan ha flera.", "Princip",
                [.. i.ByPrinciple.Select(c => new Bar(c.Label, c.Count, Search(("principle", c.Key))))]),
            new("utmaningar", "Utmaningar i misslyckade och avbrutna projekt", "Det som oftast gjorde det svårt när ett projekt misslyckades eller avbröts.", "Utmaning",
                [.. i.ChallengesInFailures.Select(c => new Bar(c.Label, c.Count,
                    Search(("challenge", c.Key), ("outcome", "misslyckades"), ("outcome", "avbruten"))))]),
            new("organisationstyp", "Rapporter per organisationstyp", "Vilka slags organisationer som delar. Anonyma rapporter räknas för sig.", "Organisationstyp",
                [.. i.ByOrganisationType.Select(c => new Bar(c.Label, c.Count,
                    c.Key == PlatformInsights.AnonymousKey ? null : Search(("organisationType", c.Key))))]),
            new("ar", "Rapporter per startår", "Året då arbetet startade.", "År",
                [.. i.ByYear.Select(c => new Bar(c.Label, c.Count, Search(("yearFrom", c.Key), ("yearTo", c.Key))))]),
            new("ateranvanda", "Mest återanvända rapporter", "Rapporter som andra organisationer har markerat att de återanvänt.", "Rapport",
                [.. i.MostReused.Select(r => new Bar(r.OrganisationName is { } o ? $"{r.Title} ({o})" : r.Title, r.Reuses, $"/rapporter/{r.Id}"))]),
            new("delar-mest", "Organisationer som delar mest", "Antal publicerade rapporter per organisation. Anonyma rapporter räknas inte till någon organisation.", "Organisation",
                [.. i.MostSharing.Select(o => new Bar($"{o.Name} ({Display.OrganisationType(o.Type)})", o.Reports, $"/organisationer/{o.Id}"))]),
        ];
    }

    private static string Search(params (string Key, string Value)[] filters) =>
        "/sok?" + string.Join("&", filters.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
}
