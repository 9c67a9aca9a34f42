using Lessons.Application.Common.Ports;
using Lessons.Application.Reports;
using Lessons.Domain.Reports;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Renders a report's and a revision's Markdown sections whenever their text is saved, on every path (writing,
/// publishing, moderating, redacting, importing, demo content), so no use case can leave stale HTML behind.
/// </summary>
internal sealed class RenderSectionsOnSave(IMarkdownRenderer markdown) : SaveChangesInterceptor
{
    private static readonly string[] Sections =
        [nameof(ReportContent.Background), nameof(ReportContent.WhatWeDid), nameof(ReportContent.Result),
            nameof(ReportContent.Lessons), nameof(ReportContent.Recommendations)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Render(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Render(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Render(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var content = entry.Entity switch
            {
                Report r => r.Content,
                ReportRevision v => v.Content,
                _ => null,
            };
            if (content is null || !NeedsRendering(entry)) continue;
            var html = SectionsHtml.Render(markdown, content);
            foreach (var column in SectionsHtml.Columns) entry.Property(column).CurrentValue = html.Of(column);
        }
    }

    private static bool NeedsRendering(EntityEntry entry)
    {
        if (entry.State == EntityState.Added) return true;
        if (entry.State != EntityState.Modified) return false;
        var text = entry.ComplexProperty(nameof(Report.Content));
        // A row loaded with its columns still empty (saved before they existed) is filled by any save of it.
        return Sections.Any(s => text.Property(s).IsModified) || SectionsHtml.Columns.Any(c => entry.Property(c).CurrentValue is null);
    }
}

/// <summary>
/// Tells this node's page cache when a save changed what anonymous readers are shown: reports and their revisions,
/// reuse marks, organisations, members' names, synonyms. Subscriptions and digests change no shared page.
/// </summary>
internal sealed class SharedPageCacheEviction(ISharedPageCache cache) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> changing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Changed(eventData.Context)) cache.ContentChangedAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        // Not the caller's token: the change is committed, and a cancelled request must not leave its old page cached.
        if (Changed(eventData.Context)) await cache.ContentChangedAsync(CancellationToken.None);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var shown = context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity.GetType().Assembly == typeof(Report).Assembly
            && e.Entity.GetType().Namespace != typeof(Domain.Subscriptions.Subscriber).Namespace
            && e.Entity is not Domain.Search.SearchChange);
        if (shown) changing.AddOrUpdate(context, context);
        else changing.Remove(context);
    }

    private bool Changed(DbContext? context) => context is not null && changing.Remove(context);

    private void Forget(DbContext? context)
    {
        if (context is not null) changing.Remove(context);
    }
}

/// <summary>The command verbs and the tests' plain hosts keep no pages.</summary>
internal sealed class NoSharedPageCache : ISharedPageCache
{
    public ValueTask ContentChangedAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
