using Tijdig.Outbox;
using Tijdig.Payments;

namespace Tijdig.Dunning;

public sealed record DailyCycleResult(CycleResult Cycle, DispatchResult Dispatch, int TikkiePaymentsPolled);

/// <summary>
/// The whole daily job: book Tikkie payments that notifications missed, so nobody who paid is
/// reminded; run the dunning cycle; send what it queued.
/// </summary>
public sealed class DailyCycle(
    TikkiePaymentIntake tikkie,
    RunDunningCycle cycle,
    OutboxDispatcher dispatcher,
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

        var result = await cycle.RunAsync(date, ct);
        var sent = dispatch ? await dispatcher.DispatchAsync(ct) : new DispatchResult(0, 0, 0, 0);
        return new DailyCycleResult(result, sent, polled);
    }
}
