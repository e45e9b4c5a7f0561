using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tijdig.Messaging.Tests.Support;

/// <summary>A logger that keeps every formatted message, so tests can assert what reached the log.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public string All => string.Join("\n", this.Messages);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        this.Messages.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));
    }
}
