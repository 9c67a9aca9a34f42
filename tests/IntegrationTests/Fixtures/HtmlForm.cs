using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// Submits a form as a browser would: the values the page rendered (the antiforgery token included), changed where
/// the test says, sent to the form's action or to the clicked button's formaction (posted, or as the query string of
/// a GET form).
/// </summary>
public static class HtmlForm
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Loads <paramref name="url"/>, fills the form that contains <paramref name="button"/> (a CSS selector or
    /// the button's text) and submits it by that button.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, string button,
        IEnumerable<(string Name, string Value)>? values = null)
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page, url, button, values);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string url, string button,
        IEnumerable<(string Name, string Value)>? values = null)
    {
        var submit = page.QuerySelectorAll("button, input[type=submit]")
            .FirstOrDefault(b => b.TextContent.Trim() == button || b.Matches(button))
            ?? throw new InvalidOperationException($"No button \"{button}\" on {url}");
        var form = submit.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException("The button is outside a form");

        var fields = new List<(string Name, string Value)>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add((name, box.Value));
                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add((name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add((name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add((name, select.Value ?? ""));
                    break;
            }
        }
        if (submit.GetAttribute("name") is { Length: > 0 } buttonName) fields.Add((buttonName, submit.GetAttribute("value") ?? ""));

        // Values given by the test replace all rendered values of that name (so lists of checkboxes can be set whole).
        var given = (values ?? []).ToList();
        var names = given.Select(v => v.Name).ToHashSet();
        fields = [.. fields.Where(f => !names.Contains(f.Name)), .. given];

        var action = submit.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        if (string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase))
            return await client.GetAsync(target.Split('?')[0] + "?" + await content.ReadAsStringAsync());
        return await client.PostAsync(target, content);
    }
}
