using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Tijdig.Outbox;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>
/// Sums the outbox phase histogram while a run is timed: total seconds and count per phase. The sums
/// add the time of all workers, so with 8 workers they can exceed the wall-clock time eightfold.
/// </summary>
internal sealed class PhaseProfile : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, Totals> phases = new(StringComparer.Ordinal);

    public PhaseProfile()
    {
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == OutboxMetrics.MeterName && instrument.Name == OutboxMetrics.PhaseDurationName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>(OnMeasurement);
        listener.Start();
    }

    public void Dispose() => listener.Dispose();

    /// <summary>One line per phase: summed seconds, count and mean milliseconds, the largest sum first.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var (phase, totals) in phases.OrderByDescending(p => p.Value.Seconds))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  phase {phase,-16} {totals.Seconds,8:0.00} s summed over workers, {totals.Count,7} times, mean {1000 * totals.Seconds / Math.Max(1, totals.Count),7:0.00} ms"));
        }

        return text.ToString();
    }

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var phase = "?";
        foreach (var tag in tags)
        {
            if (tag.Key == "phase" && tag.Value is string name)
            {
                phase = name;
            }
        }

        phases.GetOrAdd(phase, _ => new Totals()).Add(seconds);
    }

    private sealed class Totals
    {
        private readonly Lock gate = new();

        public double Seconds { get; private set; }

        public long Count { get; private set; }

        public void Add(double seconds)
        {
            lock (gate)
            {
                Seconds += seconds;
                Count++;
            }
        }
    }
}
