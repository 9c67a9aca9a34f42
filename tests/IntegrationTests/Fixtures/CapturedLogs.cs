using System.Collections.Concurrent;

using Microsoft.Extensions.Logging;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>One line the app logged: who wrote it, how loud, and what it said.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId Event, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{Event.Id}]: {Message}{(Exception is null ? "" : " " + Exception.GetType().Name)}";
}

/// <summary>
/// A logger provider beside the console one, under the same filters (appsettings' levels): what an operator's log
/// would hold, in a form a test can read.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
