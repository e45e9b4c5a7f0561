using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tijdig.Outbox;

/// <summary>
/// Time spent per phase of a dispatch, as the histogram <c>tijdig.outbox.phase.duration</c> (seconds)
/// of the meter <c>Tijdig.Outbox</c> with a <c>phase</c> tag. A <see cref="MeterListener"/> or
/// <c>dotnet-counters</c> reads it; with no listener a measurement costs one timestamp.
/// </summary>
public static class OutboxMetrics
{
    public const string MeterName = "Tijdig.Outbox";
    public const string PhaseDurationName = "tijdig.outbox.phase.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> PhaseDuration = Meter.CreateHistogram<double>(PhaseDurationName, "s", "Time spent in one phase of dispatching outbox messages.");

    /// <summary>Returns a timestamp to pass to <see cref="Record"/>.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Records the time since <paramref name="started"/> under <paramref name="phase"/>.</summary>
    public static void Record(string phase, long started)
    {
        if (PhaseDuration.Enabled)
        {
            PhaseDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
        }
    }
}
