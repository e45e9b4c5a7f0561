using Microsoft.Extensions.Options;
using Tijdig.Arrangements;
using Tijdig.Outbox;
using Tijdig.Payments;

namespace Tijdig.Dunning;

public sealed record DailyCycleResult(CycleResult Cycle, DispatchResult Dispatch, int TikkiePaymentsPolled)
{
    public ArrangementRunResult? Arrangements { get; init; }
}

/// <summary>
/// The whole daily job: book Tikkie payments that notifications missed, so nobody who paid is
/// reminded; remind instalments of payment arrangements; run the dunning cycle; send what is queued.
/// </summary>
public sealed class DailyCycle(
    TikkiePaymentIntake tikkie,
    RunArrangements arrangements,
    RunDunningCycle cycle,
    ParallelOutboxDispatcher dispatcher,
    IOptions<OutboxSettings> outbox,
    ILogger<DailyCycle> logger)
{
    public async Task<DailyCycleResult> RunAsync(DateOnly date, bool dispatch, CancellationToken ct)
    {
        var polled = 0;
        try
        {
            polled = await tikkie.PollAsync(ct);
        }
        catch (Exception exception) when (exception is HttpRequestException or Tikkie.TikkieApiException)
        {
            // A Tikkie outage must not stop the bank-based part of the cycle.
            logger.LogWarning(exception, "Polling Tikkie payments failed; the cycle continues with what is booked");
        }

        var instalments = await arrangements.RunAsync(date, ct);
        var result = await cycle.RunAsync(date, ct);
        var sent = dispatch
            ? await dispatcher.DispatchAsync(Math.Max(1, outbox.Value.Workers), ct)
            : new DispatchResult(0, 0, 0, 0);
        return new DailyCycleResult(result, sent, polled) { Arrangements = instalments };
    }
}
