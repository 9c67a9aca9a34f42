using System.Globalization;

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lessons.Infrastructure.Search;

/// <summary>The shape of a report in the index: its fields, how each is indexed, and the facets it counts in.</summary>
internal static class ReportDocuments
{
    /// <summary>The shape of the documents and their analysis: an index written with another is rebuilt.</summary>
    public const string Schema = "6";

    public static readonly (string Field, float Boost)[] TextFields = [("title", 3f), ("summary", 2f), ("organisation", 1.5f), ("body", 1f)];
    public static readonly string[] FacetNames = ["outcome", "principle", "challenge", "stage", "organisationType", "organisation", "year"];

    /// <summary>Every word of a report as written (lower-cased, not stemmed): what "Menade du …?" is made from.</summary>
    public const string SpellingField = "spelling";

    /// <summary>The same words, of public reports only: a visitor's "Menade du …?" must not offer a word that only
    /// members-only reports contain (it would tell what they are about).</summary>
    public const string PublicSpellingField = "spelling_public";

    private static readonly FieldType SpellingType = new()
    {
        IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY,
    };

    /// <summary>
    /// The order of hits: by score (when the query scores), then newest first, then by report id. Reports with equal
    /// scores and publication times would otherwise come in the order of the index's segments, which depends on how
    /// the outbox happened to be applied: two runs, or two nodes, would order the same results differently.
    /// </summary>
    public static Sort Order(bool scored) => scored
        ? new Sort(SortField.FIELD_SCORE, Newest, ById)
        : new Sort(Newest, ById);

    private static readonly SortField Newest = new("published", SortFieldType.INT64, true);
    private static readonly SortField ById = new("id", SortFieldType.STRING);

    public static Document ToDocument(IndexedReport r)
    {
        var visibility = r.MembersOnly ? "members" : "public";
        var d = new Document
        {
            new StringField("id", r.Id.ToString(), Field.Store.YES),
            new SortedDocValuesField("id", new BytesRef(r.Id.ToString())),
            new TextField("title", r.Title, Field.Store.YES),
            new TextField("summary", r.Summary, Field.Store.YES),
            new TextField("body", r.Body, Field.Store.YES),
            new Field(SpellingField, string.Join("\n", r.Title, r.Summary, r.Body), SpellingType),
            new StringField("visibility", visibility, Field.Store.NO),
            new StringField("outcome", r.Outcome, Field.Store.NO),
            new NumericDocValuesField("published", r.PublishedTicks),
            Facet("outcome", r.Outcome),
            Facet("stage", r.Stage),
            Facet("year", r.Year.ToString(CultureInfo.InvariantCulture)),
            Facet("visibility", visibility),
        };
        if (!r.MembersOnly) d.Add(new Field(PublicSpellingField, string.Join("\n", r.Title, r.Summary, r.Body), SpellingType));
        foreach (var p in r.Principles) d.Add(Facet("principle", p));
        foreach (var c in r.Challenges) d.Add(Facet("challenge", c));
        if (r.OrganisationId is { } organisationId)
        {
            d.Add(new TextField("organisation", r.OrganisationName ?? "", Field.Store.NO));
            d.Add(new StringField("organisationId", organisationId.ToString(), Field.Store.YES));
            d.Add(Facet("organisation", organisationId.ToString()));
            d.Add(Facet("organisationType", r.OrganisationType!));
        }
        return d;
    }

    private static SortedSetDocValuesField Facet(string name, string value) => new("f_" + name, new BytesRef(value));
}
