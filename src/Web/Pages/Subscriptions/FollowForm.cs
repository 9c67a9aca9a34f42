using Lessons.Application.Subscriptions;

using Microsoft.AspNetCore.Mvc;

namespace Lessons.Web.Pages.Subscriptions;

/// <summary>
/// The follow checkboxes of the subscribe and manage pages, bound to the same <see cref="FollowChoice"/> the API
/// sends. Field names are the contract's, so the validator's keys (<c>follows.principles</c>) name the fieldsets.
/// </summary>
public sealed class FollowForm
{
    [FromForm(Name = "principles")] public List<string> Principles { get; set; } = [];
    [FromForm(Name = "challenges")] public List<string> Challenges { get; set; } = [];
    [FromForm(Name = "organisations")] public List<string> Organisations { get; set; } = [];
    [FromForm(Name = "organisationTypes")] public List<string> OrganisationTypes { get; set; } = [];
    [FromForm(Name = "queries")] public List<string> Queries { get; set; } = [];

    /// <summary>Organisations and saved searches offered as boxes: the ones chosen, or passed in the address.</summary>
    public IReadOnlyList<(string Id, string Name)> OfferedOrganisations { get; set; } = [];

    public IReadOnlyList<string> OfferedQueries { get; set; } = [];

    /// <summary>An empty value (which MVC binds as null) is no choice: a browser never sends one, a hand-made request may.</summary>
    public FollowChoice ToChoice() => new()
    {
        Principles = [.. Principles.Where(v => !string.IsNullOrEmpty(v))],
        Challenges = [.. Challenges.Where(v => !string.IsNullOrEmpty(v))],
        Organisations = [.. Organisations.Where(v => !string.IsNullOrEmpty(v)).Distinct()],
        OrganisationTypes = [.. OrganisationTypes.Where(v => !string.IsNullOrEmpty(v))],
        Queries = [.. Queries.Where(v => !string.IsNullOrEmpty(v))],
    };

    public static FollowForm From(FollowChoice choice) => new()
    {
        Principles = [.. choice.Principles],
        Challenges = [.. choice.Challenges],
        Organisations = [.. choice.Organisations],
        OrganisationTypes = [.. choice.OrganisationTypes],
        Queries = [.. choice.Queries],
    };

    /// <summary>"Bevaka den här sökningen" and "Följ" link here with the search page's parameters.</summary>
    public static FollowForm FromQuery(IQueryCollection query) => new()
    {
        Principles = [.. query["principle"].OfType<string>()],
        Challenges = [.. query["challenge"].OfType<string>()],
        Organisations = [.. query["organisation"].OfType<string>()],
        OrganisationTypes = [.. query["organisationType"].OfType<string>()],
        Queries = [.. query["sok"].OfType<string>().Where(q => q.Length > 0)],
    };

    public static string Describe(string query)
    {
        var search = SavedSearches.Parse(query);
        var parts = new List<string>();
        if (search.Text.Length > 0) parts.Add($"\"{search.Text}\"");
        var filters = search.Outcomes.Count + search.Principles.Count + search.Challenges.Count + search.Stages.Count
            + search.OrganisationTypes.Count + search.Organisations.Count + (search.YearFrom is null ? 0 : 1) + (search.YearTo is null ? 0 : 1);
        if (filters > 0) parts.Add(filters == 1 ? "ett filter" : $"{filters} filter");
        return "Sökningen " + string.Join(" med ", parts);
    }
}
