using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tijdig.Tests.Infrastructure;

/// <summary>Keeps every log line of a test host in memory, so a failing test can show what the app logged.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string WarningsAndErrors() => string.Join(Environment.NewLine, _lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal)));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
