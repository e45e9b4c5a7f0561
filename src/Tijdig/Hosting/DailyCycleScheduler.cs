using Microsoft.Extensions.Options;
using Tijdig.Dunning;

namespace Tijdig.Hosting;

/// <summary>
/// Runs the daily cycle once a day at the configured Amsterdam time, and sends queued messages
/// and polls Tikkie in between. A missed day (the server was down) is caught up on start: the
/// engine is state-based, so running today's cycle takes whatever step is due now.
/// </summary>
public sealed class DailyCycleScheduler(
    IServiceScopeFactory scopes,
    IOptions<SchedulerSettings> settings,
    BusinessCalendar calendar,
    TimeProvider clock,
    ILogger<DailyCycleScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled)
        {
            logger.LogInformation("The daily cycle scheduler is disabled");
            return;
        }

        DateOnly? lastRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = calendar.Now;
            var today = DateOnly.FromDateTime(now.DateTime);
            var due = TimeOnly.FromDateTime(now.DateTime) >= settings.Value.CycleTime;
            if (due && lastRun != today)
            {
                await RunOnceAsync(today, stoppingToken);
                lastRun = today;
            }

            await Task.Delay(Tick, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task RunOnceAsync(DateOnly today, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DailyCycle>().RunAsync(today, dispatch: true, ct);
            logger.LogInformation(
                "Scheduled cycle for {Date} queued {Queued} messages and sent {Sent}",
                today,
                result.Cycle.MessagesQueued,
                result.Dispatch.Sent);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The scheduled dunning cycle for {Date} failed; it is tried again tomorrow or at the next start", today);
        }
    }
}
