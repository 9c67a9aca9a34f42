using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Lessons.Infrastructure.Search;

/// <summary>
/// The one Swedish analysis chain for indexing and querying: Unicode word boundaries, lower case (å, ä, ö
/// included), Swedish stop words out, Snowball Swedish stems. Lucene.Net's Snowball is the pre-2023 algorithm:
/// it matches the legacy Snowball vocabulary on every word (tested), not the current one.
/// </summary>
public static class SwedishAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new StopFilter(Version, stream, SwedishAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The stem of one word, exactly as the stemmer sees it (no tokenising, no stop words).</summary>
    public static string Stem(string word)
    {
        var stemmer = new SwedishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The terms the chain makes of a text, in order.</summary>
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
