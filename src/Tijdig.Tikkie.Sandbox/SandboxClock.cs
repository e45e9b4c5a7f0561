using Microsoft.Extensions.Options;

namespace Tijdig.Tikkie.Sandbox;

/// <summary>
/// Clock of the sandbox: the configured base clock plus an offset that the control endpoint
/// moves forward, so tests can let payment requests expire. The offset lives in memory only.
/// </summary>
public sealed class SandboxClock(IOptions<SandboxOptions> options) : TimeProvider
{
    private readonly TimeProvider inner = options.Value.Clock ?? System;
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    private long offsetTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Today in the configured time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), zone).DateTime);

    /// <summary>Moves the clock forward; a negative span is rejected.</summary>
    public void Advance(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, span.Ticks);
    }
}
