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

internal sealed record ComposedDigest(DigestContent Content, string Html, string Text, IReadOnlyList<DigestItem> Items);

/// <summary>A report that may appear in this run's digests: new in the run's widest window, or reused in it.</summary>
internal sealed record Candidate(ReportRow Row, IReadOnlyList<DateTimeOffset> ReusedAt);

/// <summary>The run's candidate reports and, for each distinct follow, the ones it matches: evaluated once per run.</summary>
internal sealed record DigestMatches(
    IReadOnlyDictionary<Guid, Candidate> Candidates,
    IReadOnlyDictionary<(FollowKind Kind, string Key), IReadOnlySet<Guid>> ByFollow,
    IReadOnlyDictionary<(FollowKind Kind, string Key), FollowLabel> Labels)
{
    public static readonly DigestMatches None = new(new Dictionary<Guid, Candidate>(),
        new Dictionary<(FollowKind, string), IReadOnlySet<Guid>>(), new Dictionary<(FollowKind, string), FollowLabel>());
}

/// <summary>
/// Composes digests: who is due, which reports are new for them, what their follows match and what the mail says.
/// Shared by the run and the preview, so a preview shows exactly what the run would send.
/// </summary>
internal sealed class DigestComposer(
    ILessonsDbContext db, IReportMatching matching, IDigestRenderer renderer, SubscriptionMails mails, ISiteAddress site,
    OrganisationResolver resolver, IStringLocalizer text, IOptions<DigestOptions> options)
{
    private static readonly Outcome[] FailureOutcomes = [Outcome.Misslyckades, Outcome.Avbruten];

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
        var candidates = rows.ToDictionary(r => r.Id, r => new Candidate(r, [.. reusedAt[r.Id]]));

        var distinct = await follows.AsNoTracking().Select(f => new { f.Kind, f.Key }).Distinct().ToListAsync(ct);
        var byFollow = new Dictionary<(FollowKind, string), IReadOnlySet<Guid>>();
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
            byFollow[(follow.Kind, follow.Key)] = rows.Where(matches).Select(r => r.Id).ToHashSet();
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
            var found = await matching.MatchAsync(candidates.Keys, queries, ct);
            for (var i = 0; i < searches.Count; i++)
            {
                byFollow[(FollowKind.Search, searches[i])] = found[i];
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
        bool mayReadMembersOnly, DigestMatches matches, CancellationToken ct)
    {
        var language = subscriber.Language;
        var fresh = new Dictionary<Guid, List<string>>();
        var reused = new Dictionary<Guid, (List<string> Reasons, int Times)>();
        // Reasons in a stable order: principles, challenges, organisations, types, searches, each alphabetically.
        var ordered = follows.Where(matches.ByFollow.ContainsKey).OrderBy(f => KindOrder(f.Kind))
            .ThenBy(f => matches.Labels[f].In(language), StringComparer.Create(MailCulture.Of(language), false));
        foreach (var follow in ordered)
        {
            var ids = matches.ByFollow[follow];
            var label = matches.Labels[follow].In(language);
            foreach (var id in ids)
            {
                var candidate = matches.Candidates[id];
                var row = candidate.Row;
                if (row.Visibility == Visibility.MembersOnly && !mayReadMembersOnly) continue;
                if (row.PublishedAt >= subscriber.WindowStart && row.PublishedAt < cutoff)
                {
                    Add(fresh.TryGetValue(id, out var reasons) ? reasons : fresh[id] = [], label);
                    continue;
                }
                var times = candidate.ReusedAt.Count(t => t >= subscriber.WindowStart && t < cutoff);
                if (times == 0) continue;
                if (!reused.TryGetValue(id, out var entry)) reused[id] = entry = ([], times);
                Add(entry.Reasons, label);
            }
        }
        if (fresh.Count + reused.Count == 0) return null;

        DigestEntry Entry(Guid id, IReadOnlyList<string> reasons, int times = 0)
        {
            var r = matches.Candidates[id].Row;
            return new DigestEntry(id, r.Title, site.Link($"/rapporter/{id}"),
                r.IsAnonymous ? text.In(language, "Anonym organisation") : r.OrganisationName,
                Vocabulary.Outcomes.Label(r.Outcome, language), Vocabulary.Stages.Label(r.Stage, language), Short(r.Summary), reasons, times);
        }
        IEnumerable<Guid> Newest(IEnumerable<Guid> ids) => ids
            .OrderByDescending(id => matches.Candidates[id].Row.PublishedAt).ThenBy(id => matches.Candidates[id].Row.Title, StringComparer.Ordinal);
        var failures = Newest(fresh.Keys.Where(id => FailureOutcomes.Contains(matches.Candidates[id].Row.Outcome))).ToList();
        var others = Newest(fresh.Keys.Except(failures)).ToList();
        var reuseOrder = Newest(reused.Keys).ToList();

        var cap = Math.Max(1, options.Value.Cap);
        var left = cap;
        List<DigestEntry> Take(IEnumerable<DigestEntry> entries)
        {
            var taken = entries.Take(left).ToList();
            left -= taken.Count;
            return taken;
        }
        var sections = new List<DigestSection>
        {
            new(text.In(language, "Lärdomar från det som inte gick"), Take(failures.Select(id => Entry(id, fresh[id])))),
            new(text.In(language, "Nya rapporter"), Take(others.Select(id => Entry(id, fresh[id])))),
            new(text.In(language, "Återanvänt den här veckan"), Take(reuseOrder.Select(id => Entry(id, reused[id].Reasons, reused[id].Times)))),
        };
        sections.RemoveAll(s => s.Entries.Count == 0);
        var total = fresh.Count + reused.Count;

        var content = new DigestContent(
            Subject(fresh.Count, reused.Count, language),
            text.In(language, "Det här är nytt sedan ditt förra veckobrev bland det du följer på Lessons."),
            sections, total - (cap - left), site.Link("/sok?" + SearchFor(follows)),
            mails.ManageLink(subscriber.Id), mails.UnsubscribeLink(subscriber.Id));
        var html = await renderer.RenderHtmlAsync(content, language, ct);
        IReadOnlyList<DigestItem> items =
        [
            .. failures.Concat(others).Select(id => new DigestItem(id, fresh[id])),
            .. reuseOrder.Select(id => new DigestItem(id, reused[id].Reasons)),
        ];
        return new ComposedDigest(content, html, DigestText.Render(content, text, language), items);
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
