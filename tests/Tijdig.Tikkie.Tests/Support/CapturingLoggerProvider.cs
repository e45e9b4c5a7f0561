using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tijdig.Tikkie.Tests.Support;

/// <summary>Keeps every log line, at every level, with its exception and scope values, so tests can search it.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            provider.Lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
            provider.Lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
        }
    }
}
