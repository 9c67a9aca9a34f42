using System.Numerics;

namespace Lessons.Application.Digests;

/// <summary>
/// A set of a run's candidate reports by their rank (their place in every digest's order): one bit each. A run has a
/// few hundred candidates, so a follow's matches are a few words, a subscriber's are the union of their follows'
/// (a few OR operations), and reading the bits in order lists the reports already sorted.
/// </summary>
internal sealed class ReportSet
{
    private readonly ulong[] words;

    public ReportSet(int size) => words = new ulong[(size + 63) >> 6];

    public void Add(int rank) => words[rank >> 6] |= 1UL << rank;

    public bool Contains(int rank) => (words[rank >> 6] & (1UL << rank)) != 0;

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in words) count += BitOperations.PopCount(word);
            return count;
        }
    }

    public void UnionWith(ReportSet other)
    {
        for (var i = 0; i < words.Length; i++) words[i] |= other.words[i];
    }

    public void IntersectWith(ReportSet other)
    {
        for (var i = 0; i < words.Length; i++) words[i] &= other.words[i];
    }

    public void ExceptWith(ReportSet other)
    {
        for (var i = 0; i < words.Length; i++) words[i] &= ~other.words[i];
    }

    public ReportSet Copy()
    {
        var copy = new ReportSet(words.Length << 6);
        words.CopyTo(copy.words, 0);
        return copy;
    }

    /// <summary>The ranks in the set, smallest (first in a digest) first.</summary>
    public IEnumerable<int> Ranks()
    {
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            while (word != 0)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
