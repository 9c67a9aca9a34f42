using System.Diagnostics;

using Lessons.Application.Common.Ports;

using Microsoft.Extensions.DependencyInjection;

namespace Lessons.Infrastructure.Observability;

/// <summary>The search port with its answer times recorded: a decorator, so the search code itself stays as it is.</summary>
internal sealed class MeasuredReportSearch(IReportSearch inner, LessonsMetrics metrics) : IReportSearch
{
    public async Task<ReportSearchPage> SearchAsync(ReportSearchQuery query, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await inner.SearchAsync(query, ct); }
        finally { metrics.SearchAnswered("search", Stopwatch.GetElapsedTime(started)); }
    }

    public async Task<IReadOnlyList<ReportHit>> SimilarAsync(Guid reportId, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await inner.SimilarAsync(reportId, count, membersOnlyVisible, ct); }
        finally { metrics.SearchAnswered("similar", Stopwatch.GetElapsedTime(started)); }
    }

    public async Task<IReadOnlyList<ReportHit>> PrecedentsAsync(string text, int count, bool membersOnlyVisible, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await inner.PrecedentsAsync(text, count, membersOnlyVisible, ct); }
        finally { metrics.SearchAnswered("precedents", Stopwatch.GetElapsedTime(started)); }
    }
}

public static class ObservabilityRegistration
{
    /// <summary>
    /// The instruments of the meter <c>Lessons</c>, search timing around whatever implements the search port, and the
    /// readiness check of the search index (tagged "ready"). Call after <c>AddInfrastructure</c>.
    /// </summary>
    public static IServiceCollection AddLessonsObservability(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<LessonsMetrics>();
        var search = services.LastOrDefault(d => d.ServiceType == typeof(IReportSearch))
            ?? throw new InvalidOperationException("AddLessonsObservability needs the search port: call AddInfrastructure first.");
        services.Remove(search);
        services.Add(ServiceDescriptor.Describe(typeof(IReportSearch), sp => new MeasuredReportSearch(Inner(sp, search), sp.GetRequiredService<LessonsMetrics>()), search.Lifetime));
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index", tags: ["ready"]);
        return services;
    }

    private static IReportSearch Inner(IServiceProvider sp, ServiceDescriptor search) =>
        (IReportSearch)(search.ImplementationInstance
            ?? search.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, search.ImplementationType!));
}
