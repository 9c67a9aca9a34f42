using Lessons.Application.Common.Ports;
using Lessons.Application.Common.Text;
using Lessons.Application.Organisations;
using Lessons.Application.Reports.Queries;
using Lessons.Application.Subscriptions;
using Lessons.Domain;
using Lessons.Domain.Reports;
using Lessons.Domain.Subscriptions;
using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lessons.Application.Digests;

/// <summary>A confirmed subscriber without a digest this week, and where their window starts.</summary>
internal sealed record DueSubscriber(Guid Id, string Email, Guid? MemberId, DateTimeOffset WindowStart, string Language = LanguageCodes.Swedish);

/// <summary>What a follow is called in a digest's "Du följer: …", in both of the mails' languages.</summary>
internal sealed record FollowLabel(string Swedish, string English)
{
    public string In(string language) => language == LanguageCodes.English ? English : Swedish;
}

internal sealed record ComposedDigest(DigestContent Content, string Html, string Text, IReadOnlyList<Guid> ReportIds);

/// <summary>
/// A report that may appear in this run's digests: new in the run's widest window, or reused in it. <see cref="Rank"/>
/// is its place in every digest's order (newest first, then by title), so a digest sorts integers, not reports.
/// </summary>
internal sealed record Candidate(ReportRow Row, IReadOnlyList<DateTimeOffset> ReusedAt, int Rank, string Url, string ShortSummary)
{
    public bool IsFailure { get; } = Row.Outcome is Outcome.Misslyckades or Outcome.Avbruten;
}

/// <summary>
/// Each entry's HTML and text, made once per run for everybody who gets that report with the same reasons (and reuse
/// count, in the same language): what the mail says of a report depends on nothing else. Bounded, so a run of any size keeps flat memory.
/// Shared by a run's workers: a miss two of them meet at once is rendered twice, to the same text.
/// </summary>
internal sealed class DigestFragments(IDigestRenderer renderer, IStringLocalizer text)
{
    private const int Limit = 20_000;
    private readonly Dictionary<string, (string Html, string Text)> rendered = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<DigestEntry, (string Html, string Text)>> OfAsync(
        IEnumerable<DigestEntry> entries, string language, CancellationToken ct)
    {
        var found = new Dictionary<DigestEntry, (string, string)>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            var key = $"{language}{entry.ReportId:N}{entry.ReusedTimes}\u001f{string.Join('\u001f', entry.Reasons)}";
            (string Html, string Text) fragment;
            bool known;
            lock (rendered) known = rendered.TryGetValue(key, out fragment);
            if (!known)
            {
                fragment = (await renderer.RenderEntryHtmlAsync(entry, language, ct), DigestText.Entry(entry, text, language));
                lock (rendered)
                {
                    if (rendered.Count >= Limit) rendered.Clear();
                    rendered[key] = fragment;
                }
            }
            found[entry] = fragment;
        }
        return found;
    }
}

/// <summary>
/// The run's candidate reports in their digest order and, for each distinct follow, the ones it matches: evaluated
/// once per run, as sets of ranks. Shared by a run's workers: only the cache of windows is written, and it is concurrent.
/// </summary>
internal sealed class DigestMatches(
    IReadOnlyList<Candidate> ranked,
    IReadOnlyDictionary<(FollowKind Kind, string Key), ReportSet> byFollow,
    IReadOnlyDictionary<(FollowKind Kind, string Key), FollowLabel> labels)
{
    // Subscribers' windows mostly start at one instant (the previous run's cutoff); confirmations add a few more.
    private const int WindowLimit = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateTimeOffset, DateTimeOffset), Window> windows = new();

    public static readonly DigestMatches None = new([], new Dictionary<(FollowKind, string), ReportSet>(), new Dictionary<(FollowKind, string), FollowLabel>());

    /// <summary>The candidates by rank: <c>Ranked[c.Rank] == c</c>.</summary>
    public IReadOnlyList<Candidate> Ranked => ranked;

    public int Count => ranked.Count;

    public IReadOnlyDictionary<(FollowKind Kind, string Key), ReportSet> ByFollow => byFollow;

    public IReadOnlyDictionary<(FollowKind Kind, string Key), FollowLabel> Labels => labels;

    public ReportSet MembersOnly { get; } = Where(ranked, c => c.Row.Visibility == Visibility.MembersOnly);

    public ReportSet Failures { get; } = Where(ranked, c => c.IsFailure);

    public static ReportSet Where(IReadOnlyList<Candidate> ranked, Func<Candidate, bool> predicate)
    {
        var set = new ReportSet(ranked.Count);
        foreach (var c in ranked)
        {
            if (predicate(c)) set.Add(c.Rank);
        }
        return set;
    }

    /// <summary>What is new in a window (first published in it) and what was reused in it, and how often.</summary>
    public Window In(DateTimeOffset start, DateTimeOffset cutoff)
    {
        if (windows.TryGetValue((start, cutoff), out var window)) return window;
        var published = Where(ranked, c => c.Row.PublishedAt >= start && c.Row.PublishedAt < cutoff);
        var times = new int[ranked.Count];
        var reused = new ReportSet(ranked.Count);
        foreach (var c in ranked)
        {
            times[c.Rank] = c.ReusedAt.Count(t => t >= start && t < cutoff);
            if (times[c.Rank] > 0) reused.Add(c.Rank);
        }
        window = new Window(published, reused, times);
        if (windows.Count < WindowLimit) windows.TryAdd((start, cutoff), window);
        return window;
    }

    internal sealed record Window(ReportSet Published, ReportSet Reused, int[] ReusedTimes);
}

/// <summary>
/// Composes digests: who is due, which reports are new for them, what their follows match and what the mail says.
/// Shared by the run and the preview, so a preview shows exactly what the run would send.
/// </summary>
internal sealed class DigestComposer(
    ILessonsDbContext db, IReportMatching matching, IDigestRenderer renderer, SubscriptionMails mails, ISiteAddress site,
    OrganisationResolver resolver, IStringLocalizer text, IOptions<DigestOptions> options)
{
    private static readonly StringComparer Swedish = StringComparer.Create(MailCulture.Of(LanguageCodes.Swedish), false);
    private static readonly StringComparer English = StringComparer.Create(MailCulture.Of(LanguageCodes.English), false);

    private static StringComparer Collation(string language) => language == LanguageCodes.English ? English : Swedish;

    /// <summary>A cache of rendered entries for one run (or one preview).</summary>
    public DigestFragments Fragments() => new(renderer, text);

    /// <summary>Subscribers who get something from a run with this week and cutoff, if anything is new for them.</summary>
    public IQueryable<Subscriber> Due(string isoWeek, DateTimeOffset cutoff) =>
        db.Subscribers.AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Confirmed && s.ConfirmedAt != null && s.ConfirmedAt < cutoff)
            .Where(s => !db.DigestDeliveries.Any(d => d.SubscriberId == s.Id && d.IsoWeek == isoWeek));

    /// <summary>
    /// The windows: each starts at the end of the subscriber's previous digest, or at the confirmation. Windows are
    /// contiguous, so a report first published at the exact cutoff instant belongs to the next digest, not to both.
    /// </summary>
    public async Task<List<DueSubscriber>> WindowsAsync(IQueryable<Subscriber> subscribers, DateTimeOffset cutoff, CancellationToken ct)
    {
        var rows = await subscribers.Select(s => new
        {
            s.Id,
            s.Email,
            s.MemberId,
            s.ConfirmedAt,
            s.PreferredLanguage,
            Last = db.DigestDeliveries.Where(d => d.SubscriberId == s.Id).Max(d => (DateTimeOffset?)d.WindowEnd),
        }).OrderBy(s => s.Id).ToListAsync(ct);
        return
        [
            .. rows.Select(r => new DueSubscriber(r.Id, r.Email, r.MemberId, r.Last ?? r.ConfirmedAt!.Value, r.PreferredLanguage)).Where(d => d.WindowStart < cutoff),
        ];
    }

    /// <summary>Finds the candidates in [<paramref name="from"/>, <paramref name="cutoff"/>) and matches every distinct follow once.</summary>
    public async Task<DigestMatches> MatchAsync(
        DateTimeOffset from, DateTimeOffset cutoff, IQueryable<Follow> follows, CancellationToken ct)
    {
        var reuses = await db.ReportReuses.AsNoTracking().Where(r => r.CreatedAt >= from && r.CreatedAt < cutoff)
            .Select(r => new { r.ReportId, r.CreatedAt }).ToListAsync(ct);
        var reusedIds = reuses.Select(r => r.ReportId).Distinct().ToList();
        // Published now: a report withdrawn before the run is in nobody's digest, and its first publication stays
        // where it was, so republishing (which the domain refuses anyway) could not bring it back in a later one.
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published)
            .Where(r => (r.PublishedAt >= from && r.PublishedAt < cutoff) || reusedIds.Contains(r.Id))
            .Rows(db.Organisations).ToListAsync(ct);
        if (rows.Count == 0) return DigestMatches.None;
        var reusedAt = reuses.ToLookup(r => r.ReportId, r => r.CreatedAt);
        var ranked = rows.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Title, StringComparer.Ordinal).ToList();
        var candidates = ranked.Select((r, rank) => new Candidate(r, [.. reusedAt[r.Id]], rank, site.Link($"/rapporter/{r.Id}"), Short(r.Summary)))
            .ToList();

        var distinct = await follows.AsNoTracking().Select(f => new { f.Kind, f.Key }).Distinct().ToListAsync(ct);
        var byFollow = new Dictionary<(FollowKind, string), ReportSet>();
        var labels = new Dictionary<(FollowKind, string), FollowLabel>();
        var organisationIds = distinct.Where(f => f.Kind == FollowKind.Organisation)
            .Select(f => Guid.TryParse(f.Key, out var id) ? id : Guid.Empty).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, ct);

        foreach (var follow in distinct.Where(f => f.Kind != FollowKind.Search))
        {
            // Anonymous reports never match an organisation, nor its type: a digest must not say whose they are.
            Func<ReportRow, bool> matches = follow.Kind switch
            {
                FollowKind.Principle => r => r.Principles.Contains(follow.Key),
                FollowKind.Challenge => r => r.Challenges.Contains(follow.Key),
                FollowKind.Organisation => r => !r.IsAnonymous && r.OrganisationId.ToString() == follow.Key,
                FollowKind.OrganisationType => r => !r.IsAnonymous && Vocabulary.OrganisationTypes.Key(r.OrganisationType) == follow.Key,
                _ => _ => false,
            };
            byFollow[(follow.Kind, follow.Key)] = DigestMatches.Where(candidates, c => matches(c.Row));
            string Label(string language) => follow.Kind switch
            {
                FollowKind.Principle => Vocabulary.Principles.LabelOfKey(follow.Key, language),
                FollowKind.Challenge => Vocabulary.Challenges.LabelOfKey(follow.Key, language),
                FollowKind.OrganisationType => Vocabulary.OrganisationTypes.LabelOfKey(follow.Key, language),
                _ => names.GetValueOrDefault(follow.Key) ?? text.In(language, "en organisation"),
            };
            labels[(follow.Kind, follow.Key)] = new FollowLabel(Label(LanguageCodes.Swedish), Label(LanguageCodes.English));
        }

        var searches = distinct.Where(f => f.Kind == FollowKind.Search).Select(f => f.Key).ToList();
        if (searches.Count > 0)
        {
            var synonyms = await db.SynonymGroups.AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
            var queries = new List<ReportSearchQuery>();
            foreach (var key in searches)
                queries.Add(await ToQueryAsync(SavedSearches.Parse(key), synonyms, candidates.Count, ct));
            // The candidates in rank order, so a match's position is its rank.
            var found = await matching.MatchAsync([.. candidates.Select(c => c.Row.Id)], queries, ct);
            for (var i = 0; i < searches.Count; i++)
            {
                var set = new ReportSet(candidates.Count);
                foreach (var rank in found[i]) set.Add(rank);
                byFollow[(FollowKind.Search, searches[i])] = set;
                var search = SavedSearches.Parse(searches[i]);
                labels[(FollowKind.Search, searches[i])] =
                    new FollowLabel(SearchLabel(search, LanguageCodes.Swedish), SearchLabel(search, LanguageCodes.English));
            }
        }
        return new DigestMatches(candidates, byFollow, labels);
    }

    /// <summary>One subscriber's digest, or null when nothing is new for them.</summary>
    public async Task<ComposedDigest?> ComposeAsync(
        DueSubscriber subscriber, DateTimeOffset cutoff, IReadOnlyList<(FollowKind Kind, string Key)> follows,
        bool mayReadMembersOnly, DigestMatches matches, DigestFragments fragments, CancellationToken ct)
    {
        var language = subscriber.Language;
        // Which reports: the union of the follows' sets, less what this subscriber may not read, split by the window.
        // Only the few under the cap need their reasons.
        var followed = new List<(FollowKind Kind, string Key)>(follows.Count);
        var fresh = new ReportSet(matches.Count);
        foreach (var follow in follows)
        {
            if (!matches.ByFollow.TryGetValue(follow, out var set)) continue;
            followed.Add(follow);
            fresh.UnionWith(set);
        }
        if (!mayReadMembersOnly) fresh.ExceptWith(matches.MembersOnly);
        var window = matches.In(subscriber.WindowStart, cutoff);
        var reused = fresh.Copy();
        fresh.IntersectWith(window.Published);
        reused.ExceptWith(fresh);
        reused.IntersectWith(window.Reused);
        var freshCount = fresh.Count;
        var reusedCount = reused.Count;
        if (freshCount + reusedCount == 0) return null;

        var failures = fresh.Copy();
        failures.IntersectWith(matches.Failures);
        var others = fresh;
        others.ExceptWith(matches.Failures);

        // Reasons in a stable order: principles, challenges, organisations, types, searches, each alphabetically.
        var ordered = followed.OrderBy(f => KindOrder(f.Kind))
            .ThenBy(f => matches.Labels[f].In(language), Collation(language))
            .Select(f => (Set: matches.ByFollow[f], Label: matches.Labels[f].In(language))).ToList();
        List<string> Reasons(int rank)
        {
            var reasons = new List<string>();
            foreach (var (set, label) in ordered)
            {
                if (set.Contains(rank) && !reasons.Contains(label)) reasons.Add(label);
            }
            return reasons;
        }
        DigestEntry Entry(Candidate c, int times = 0)
        {
            var r = c.Row;
            return new DigestEntry(r.Id, r.Title, MailCulture.Link(c.Url, language), r.IsAnonymous ? text.In(language, "Anonym organisation") : r.OrganisationName,
                Vocabulary.Outcomes.Label(r.Outcome, language), Vocabulary.Stages.Label(r.Stage, language), c.ShortSummary, Reasons(c.Rank), times);
        }

        var cap = Math.Max(1, options.Value.Cap);
        var left = cap;
        List<DigestEntry> Take(ReportSet set, bool reuse)
        {
            var taken = new List<DigestEntry>(Math.Min(left, 32));
            foreach (var rank in set.Ranks())
            {
                if (taken.Count == left) break;
                taken.Add(Entry(matches.Ranked[rank], reuse ? window.ReusedTimes[rank] : 0));
            }
            left -= taken.Count;
            return taken;
        }
        var sections = new List<DigestSection>
        {
            new(text.In(language, "Lärdomar från det som inte gick"), Take(failures, false)),
            new(text.In(language, "Nya rapporter"), Take(others, false)),
            new(text.In(language, "Återanvänt den här veckan"), Take(reused, true)),
        };
        sections.RemoveAll(s => s.Entries.Count == 0);
        var total = freshCount + reusedCount;

        var content = new DigestContent(
            Subject(freshCount, reusedCount, language),
            text.In(language, "Det här är nytt sedan ditt förra veckobrev bland det du följer på Lessons."),
            sections, total - (cap - left), MailCulture.Link(site.Link("/sok?" + SearchFor(follows)), language),
            MailCulture.Link(mails.ManageLink(subscriber.Id), language), MailCulture.Link(mails.UnsubscribeLink(subscriber.Id), language));
        var rendered = await fragments.OfAsync(sections.SelectMany(s => s.Entries), language, ct);
        var html = await renderer.RenderHtmlAsync(content, language, e => rendered[e].Html, ct);
        var plain = DigestText.Render(content, text, language, e => rendered[e].Text);
        var reportIds = new Guid[total];
        var next = 0;
        foreach (var set in new[] { failures, others, reused })
        {
            foreach (var rank in set.Ranks()) reportIds[next++] = matches.Ranked[rank].Row.Id;
        }
        return new ComposedDigest(content, html, plain, reportIds);
    }

    /// <summary>
    /// The subscribers who may read members-only reports: those whose account is a public-sector member's, linked
    /// or at the same address (both the account and the subscription proved that they own it).
    /// </summary>
    public async Task<HashSet<Guid>> MembersOnlyReadersAsync(IReadOnlyCollection<DueSubscriber> subscribers, CancellationToken ct)
    {
        var ids = subscribers.Select(s => s.MemberId).OfType<Guid>().Distinct().ToList();
        var emails = subscribers.Select(s => s.Email).Distinct().ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => m.OrganisationId != null && (ids.Contains(m.Id) || emails.Contains(m.Email.ToLower())))
            .ToListAsync(ct);
        var readers = members.Where(m => Common.Security.Viewer.From(m.Id, m, false, false).IsPublicSectorMember).ToList();
        var readerIds = readers.Select(m => m.Id).ToHashSet();
        var readerEmails = readers.Select(m => Subscriber.NormaliseEmail(m.Email)).ToHashSet(StringComparer.Ordinal);
        return [.. subscribers.Where(s => (s.MemberId is { } m && readerIds.Contains(m)) || readerEmails.Contains(s.Email)).Select(s => s.Id)];
    }

    /// <summary>
    /// The same rule for a whole run: every public-sector member's id and address read once (members are few beside
    /// subscribers), so no batch of subscribers asks the database again.
    /// </summary>
    public async Task<Func<DueSubscriber, bool>> MembersOnlyReadersAsync(CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.OrganisationId != null).ToListAsync(ct);
        var readers = members.Where(m => Common.Security.Viewer.From(m.Id, m, false, false).IsPublicSectorMember).ToList();
        var readerIds = readers.Select(m => m.Id).ToHashSet();
        var readerEmails = readers.Select(m => Subscriber.NormaliseEmail(m.Email)).ToHashSet(StringComparer.Ordinal);
        return s => (s.MemberId is { } m && readerIds.Contains(m)) || readerEmails.Contains(s.Email);
    }

    private string Subject(int fresh, int reused, string language)
    {
        var parts = new List<string>();
        if (fresh > 0) parts.Add(fresh == 1 ? text.In(language, "1 ny erfarenhetsrapport") : text.In(language, "{0} nya erfarenhetsrapporter", fresh));
        if (reused > 0) parts.Add(reused == 1 ? text.In(language, "1 återanvänd rapport") : text.In(language, "{0} återanvända rapporter", reused));
        return text.In(language, "Lessons veckobrev: {0}", parts.Count == 2 ? text.In(language, "{0} och {1}", parts[0], parts[1]) : parts[0]);
    }

    private async Task<ReportSearchQuery> ToQueryAsync(SavedSearch search, IReadOnlyList<IReadOnlyList<string>> synonyms, int take, CancellationToken ct)
    {
        var organisations = new List<Guid>();
        foreach (var o in search.Organisations)
            organisations.Add(Guid.TryParse(o, out var id) ? id : await resolver.FindAsync(o, ct) ?? Guid.Empty);
        return new ReportSearchQuery
        {
            Text = search.Text,
            Outcomes = search.Outcomes,
            Principles = search.Principles,
            Challenges = search.Challenges,
            Stages = search.Stages,
            OrganisationTypes = search.OrganisationTypes,
            Organisations = organisations,
            YearFrom = search.YearFrom,
            YearTo = search.YearTo,
            Synonyms = synonyms,
            Take = Math.Max(1, take),
            // Every candidate is searched; members-only ones are dropped per subscriber afterwards.
            MembersOnlyVisible = true,
        };
    }

    private string SearchLabel(SavedSearch search, string language) =>
        search.Text.Length > 0 ? text.In(language, "sökningen \u201d{0}\u201d", search.Text) : text.In(language, "en sparad sökning");

    /// <summary>"och N till" leads to a search for what the subscriber follows, where the search page can say it.</summary>
    private static string SearchFor(IReadOnlyList<(FollowKind Kind, string Key)> follows)
    {
        if (follows.Count == 1 && follows[0].Kind == FollowKind.Search) return follows[0].Key + "&sort=newest";
        var kinds = follows.Select(f => f.Kind).Distinct().ToList();
        if (kinds.Count != 1 || kinds[0] == FollowKind.Search) return "sort=newest";
        var name = kinds[0] switch
        {
            FollowKind.Principle => "principle",
            FollowKind.Challenge => "challenge",
            FollowKind.Organisation => "organisation",
            _ => "organisationType",
        };
        return string.Join('&', follows.Select(f => $"{name}={Uri.EscapeDataString(f.Key)}")) + "&sort=newest";
    }

    private static int KindOrder(FollowKind kind) => kind switch
    {
        FollowKind.Principle => 0,
        FollowKind.Challenge => 1,
        FollowKind.Organisation => 2,
        FollowKind.OrganisationType => 3,
        _ => 4,
    };

    private static void Add(List<string> reasons, string label)
    {
        if (!reasons.Contains(label)) reasons.Add(label);
    }

    private static string Short(string summary)
    {
        const int max = 240;
        if (summary.Length <= max) return summary;
        var cut = summary.LastIndexOf(' ', max);
        return summary[..(cut > 100 ? cut : max)].TrimEnd(',', '.', ';', ':') + " …";
    }
}
