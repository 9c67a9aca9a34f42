using System.Text.Encodings.Web;
using System.Text.Json;

using Lessons.Application.Reports;
using Lessons.Application.Reports.Queries;
using Lessons.Application.Taxonomy;

using Mediator;

namespace Lessons.Web.Api;

/// <summary>
/// <c>GET /api/v1/reports.json</c>: every report an anonymous reader may see, as open data under CC BY 4.0. The
/// document states its licence and the taxonomy its keys come from, and so do the <c>Link</c> headers, so a harvester
/// that reads only headers knows the terms too. Its <c>reports</c> are the import format (the <c>import</c> verb
/// reads the whole document as well as a bare list). Written report by report as the database yields them.
/// </summary>
internal static class OpenData
{
    public const string Path = "/api/v1/reports.json";
    public const string LicenceName = "CC BY 4.0";
    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, WriteAsync)
            .WithSummary("Alla publika rapporter som öppna data (CC BY 4.0)")
            .WithDescription("Varje publicerad rapport som en oinloggad läsare får se, i importformatet (fältet reports), med licensen "
                + "och taxonomins nycklar i dokumentet och i Link-huvudena (rel=\"license\", rel=\"describedby\"). Anonyma rapporter "
                + "kommer utan organisation och kontaktuppgifter; rapporter bara för medlemmar och opublicerade rapporter kommer inte med. "
                + "Dokumentet strömmas.")
            .Produces<OpenDataDocument>(StatusCodes.Status200OK, "application/json");
        return routes;
    }

    private static async Task WriteAsync(HttpContext http, ISender sender, Links links, CancellationToken ct)
    {
        var taxonomyUrl = links.Base + "/api/v1/taxonomy";
        var response = http.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.ContentDisposition = "attachment; filename=\"lessons-rapporter.json\"";
        response.Headers.Link = $"<{LicenceUrl}>; rel=\"license\", <{taxonomyUrl}>; rel=\"describedby\"";

        var taxonomy = await sender.Send(new GetTaxonomyQuery(), ct);
        // On the response's pipe, the serializer's own flushes only hand bytes to the pipe; the writes to the client
        // are the awaited FlushAsync calls below.
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = Json.Encoder });
        writer.WriteStartObject();
        writer.WriteString("title", "Erfarenhetsrapporter från svensk offentlig sektor");
        writer.WriteString("source", links.Base);
        writer.WritePropertyName("licence");
        JsonSerializer.Serialize(writer, new OpenDataLicence(LicenceName, LicenceUrl, $"Lessons ({links.Base}) och rapporternas organisationer"), Json);
        writer.WriteString("taxonomyUrl", taxonomyUrl);
        writer.WritePropertyName("taxonomy");
        JsonSerializer.Serialize(writer, taxonomy, Json);
        writer.WriteStartArray("reports");
        var written = 0;
        await foreach (var report in sender.CreateStream(new StreamOpenDataQuery(), ct))
        {
            JsonSerializer.Serialize(writer, report, Json);
            // Sending every few reports keeps what is held in memory small, without a write per report.
            if (++written % 20 == 0)
            {
                writer.Flush();
                await response.BodyWriter.FlushAsync(ct);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await response.BodyWriter.FlushAsync(ct);
    }

    /// <summary>The document's shape, for the OpenAPI description; the endpoint writes it piece by piece.</summary>
    internal sealed record OpenDataDocument(string Title, string Source, OpenDataLicence Licence, string TaxonomyUrl,
        IReadOnlyDictionary<string, IReadOnlyList<TaxonomyTerm>> Taxonomy, IReadOnlyList<ReportRecord> Reports);

    internal sealed record OpenDataLicence(string Name, string Url, string Attribution);
}
