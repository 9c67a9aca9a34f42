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
/// included), compounds followed by their parts (<see cref="SwedishCompounds"/>), Swedish stop words out, Snowball
/// Swedish stems. Lucene.Net's Snowball is the pre-2023 algorithm:
/// it matches the legacy Snowball vocabulary on every word (tested), not the current one.
/// </summary>
public static class SwedishAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new SwedishCompounds.Filter(stream);
        stream = new StopFilter(Version, stream, SwedishAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new SwedishStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Words as written, lower-cased: the vocabulary that spelling suggestions are made from.</summary>
    public static Analyzer CreatePlain() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(Version, tokenizer));
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

    /// <summary>The words the chain makes of a text, in order, each with the stems of its compound parts.</summary>
    public static List<AnalysedWord> Words(Analyzer analyzer, string text)
    {
        var words = new List<AnalysedWord>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement == 0 && words.Count > 0)
            {
                var part = term.ToString();
                if (part != words[^1].Stem && !words[^1].Parts.Contains(part)) words[^1].Parts.Add(part);
            }
            else
            {
                words.Add(new AnalysedWord(term.ToString(), [], words.Count == 0 ? 0 : words[^1].Position + increment.PositionIncrement));
            }
        }
        stream.End();
        return words;
    }
}

/// <summary>One analysed word: its stem, its compound parts' stems (none for a simple word) and its position
/// (stop words leave gaps, which phrases keep).</summary>
public sealed record AnalysedWord(string Stem, List<string> Parts, int Position);
