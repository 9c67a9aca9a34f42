using System.Globalization;
using System.Text.Json.Nodes;

using Lessons.Application.Reports.Queries;
using Lessons.Domain.Taxonomy;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using Scalar.AspNetCore;

namespace Lessons.Web.Api;

/// <summary>
/// The OpenAPI document of <c>/api/v1</c> at <c>/openapi/v1.json</c>, and Scalar's reference page on it at <c>/api</c>.
/// Scalar's script is served from the package itself (no CDN, no web fonts, no telemetry) and its page alone gets a
/// policy with a per-request nonce (<see cref="Infrastructure.SecurityHeaders"/>); the site-wide CSP stays as it is.
/// </summary>
internal static class ApiDocs
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) => services.AddOpenApi("v1", o =>
    {
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Lessons – öppet API",
                Version = "v1",
                Description = "Publicerade erfarenhetsrapporter från svensk offentlig sektor: sök, läs en rapport, hitta liknande, "
                    + "taxonomin och prenumerationer. Bara det som en oinloggad läsare får se kommer med. Fel svarar 400 eller 404 "
                    + "med application/problem+json som namnger fältet. Svaren är på svenska; föredrar Accept-Language "
                    + "engelska (en före sv) är felens title och errors på engelska. Rapporterna och taxonomin är desamma "
                    + "på båda språken, och en prenumerations mejl följer fältet language, inte rubriken.",
            };
            return Task.CompletedTask;
        });
    });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference("/api", o => o
            .WithTitle("Lessons – öppet API")
            .WithOpenApiRoutePattern(DocumentPath)
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }

    /// <summary>The search contract's query string (<see cref="SearchParameters"/>), which the endpoint reads itself.</summary>
    public static RouteHandlerBuilder DescribeSearch(this RouteHandlerBuilder endpoint) => endpoint
        .WithSummary("Sök bland publicerade rapporter")
        .WithDescription("Fritext och filter. Listparametrar får upprepas (outcome=a&outcome=b) eller kommaseparerras (outcome=a,b); "
            + "inom en parameter räcker det att ett värde matchar, mellan parametrar måste alla matcha.")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters =
            [
                Query("q", "Sökord på svenska. Böjningar, sammansättningar, fraser inom citattecken och prefix (upphandl*) fungerar; "
                    + "felaktig syntax läses som vanliga ord.", Text()),
                Query("outcome", "Utfall.", Keys(Vocabulary.Outcomes.Keys)),
                Query("principle", "Princip för innovation i offentlig sektor.", Keys(Vocabulary.Principles.Keys)),
                Query("challenge", "Utmaning som projektet mötte.", Keys(Vocabulary.Challenges.Keys)),
                Query("stage", "Hur långt arbetet kom.", Keys(Vocabulary.Stages.Keys)),
                Query("organisationType", "Typ av organisation.", Keys(Vocabulary.OrganisationTypes.Keys)),
                Query("organisation", "Organisationens id eller namn (\"Nacka\", \"Nacka kommun\"); högst 50.",
                    new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(), MaxItems = 50 }),
                Query("yearFrom", "Startår från och med.", Integer(1900, 2200)),
                Query("yearTo", "Startår till och med; inte före yearFrom.", Integer(1900, 2200)),
                Query("sort", "Ordning.", new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Enum = [JsonValue.Create("relevance"), JsonValue.Create("newest")],
                    Default = JsonValue.Create("relevance"),
                }),
                Query("page", "Sidnummer, från 1.", Integer(1, 10_000, 1)),
                Query("pageSize", "Träffar per sida.", Integer(1, SearchReportsQuery.MaxPageSize, 20)),
            ];
            return Task.CompletedTask;
        });

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) => new()
    {
        Name = name, In = ParameterLocation.Query, Description = description, Schema = schema,
        Style = schema.Type == JsonSchemaType.Array ? ParameterStyle.Form : null,
        Explode = schema.Type == JsonSchemaType.Array,
    };

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Keys(IEnumerable<string> keys) => new()
    {
        Type = JsonSchemaType.Array,
        Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. keys.Select(k => (JsonNode)JsonValue.Create(k))] },
    };

    private static OpenApiSchema Integer(int minimum, int maximum, int? @default = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = @default is { } d ? JsonValue.Create(d) : null,
    };
}
