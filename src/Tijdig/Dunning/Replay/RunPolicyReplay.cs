using System.Globalization;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Replay;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;
using Tijdig.Sepa.Calendar;

namespace Tijdig.Dunning.Replay;

/// <summary>The options of one replay: the window, the seed, the paid-within window and the minimum observations per cell.</summary>
public sealed record ReplayOptions(DateOnly To, int Months = 6, int Seed = 1, int PaidWithinDays = 14, int MinimumObservations = 30);

/// <summary>The active and the candidate policy replayed over the same invoices with the same estimated behaviour and draws.</summary>
public sealed record PolicyReplayReport(
    DateOnly From,
    DateOnly To,
    int Months,
    int Seed,
    int Invoices,
    PaymentBehaviour Behaviour,
    ReplayResult Active,
    ReplayResult Candidate);

/// <summary>
/// What-if replay from the ledger: loads the last months, estimates how parents responded, and
/// replays the active policy versions and a candidate over the same invoices.
/// </summary>
public sealed class RunPolicyReplay(ReplayHistoryLoader loader, IReadOnlyList<DunningPolicy> versions)
{
    public async Task<PolicyReplayReport> RunAsync(DunningPolicy candidate, ReplayOptions options, CancellationToken ct)
    {
        if (options.Months is < 1 or > 60)
        {
            var months = options.Months.ToString(CultureInfo.InvariantCulture);
            throw new UsageException($"--months '{months}' moet tussen 1 en 60 liggen (must be between 1 and 60).");
        }

        DunningEngine candidateEngine;
        try
        {
            // The candidate replaces every version over the whole window, so its activation date does not matter here.
            candidateEngine = Engine([candidate]);
        }
        catch (ArgumentException error)
        {
            throw new UsageException("Het kandidaatbeleid is ongeldig (the candidate policy is invalid): " + error.Message);
        }

        var history = await loader.LoadAsync(options.To, options.Months, ct);
        var behaviour = PaymentBehaviourEstimator.Estimate(history.Observed, history.Messages, options.PaidWithinDays, options.MinimumObservations, history.To);

        // A fresh engine without experiments: the replay compares policies, not experiment variants.
        var active = PolicyReplay.Run(Engine(versions), history.Invoices, history.From, history.To, behaviour, options.Seed);
        var proposed = PolicyReplay.Run(candidateEngine, history.Invoices, history.From, history.To, behaviour, options.Seed);
        return new PolicyReplayReport(history.From, history.To, options.Months, options.Seed, history.Invoices.Count, behaviour, active, proposed);
    }

    private static DunningEngine Engine(IEnumerable<DunningPolicy> policies) =>
        new(policies, CollectionCosts.CalculateCents, day => DutchHolidays.IsGeneralHoliday(day), isCollectionDay: Target2Calendar.IsBusinessDay);
}
