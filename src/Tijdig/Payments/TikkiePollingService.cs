using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Hosting;
using Tijdig.Tikkie;

namespace Tijdig.Payments;

/// <summary>Settings of the Tikkie polling fallback in <c>serve</c>, section <c>TikkiePolling</c>.</summary>
public sealed class TikkiePollingSettings
{
    /// <summary>Null follows <c>Scheduler:Enabled</c>, so that tests that stop the scheduler stop polling too.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Minutes between two polls of open requests; 0 polls only at the end of the day.</summary>
    public int IntervalMinutes { get; set; } = 15;

    /// <summary>Europe/Amsterdam time of the end-of-day poll, which books the day's payments before the next cycle.</summary>
    public TimeOnly EndOfDay { get; set; } = new(23, 45);
}

/// <summary>
/// Polls open, unexpired Tikkie requests every few minutes and once at the end of the day, because
/// Tikkie delivers notifications on a best-effort basis (at most three attempts).
/// </summary>
public sealed class TikkiePollingService(
    IServiceScopeFactory scopes,
    IOptions<TikkiePollingSettings> settings,
    IOptions<SchedulerSettings> scheduler,
    BusinessCalendar calendar,
    TimeProvider clock,
    ILogger<TikkiePollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        if (!(options.Enabled ?? scheduler.Value.Enabled))
        {
            logger.LogInformation("Tikkie polling is disabled");
            return;
        }

        var interval = options.IntervalMinutes > 0 ? TimeSpan.FromMinutes(options.IntervalMinutes) : (TimeSpan?)null;
        var lastPoll = calendar.Now;
        DateOnly? lastEndOfDay = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = calendar.Now;
            var endOfDay = NextEndOfDay(now, lastEndOfDay, options.EndOfDay);
            var wake = interval is { } every && lastPoll + every < endOfDay ? lastPoll + every : endOfDay;
            var delay = wake - now;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }

            await PollOnceAsync(stoppingToken);
            lastPoll = calendar.Now;
            if (lastPoll >= endOfDay)
            {
                lastEndOfDay = DateOnly.FromDateTime(endOfDay.DateTime);
            }
        }
    }

    private static DateTimeOffset NextEndOfDay(DateTimeOffset now, DateOnly? lastEndOfDay, TimeOnly time)
    {
        var today = DateOnly.FromDateTime(now.DateTime);
        var day = lastEndOfDay == today ? today.AddDays(1) : today;
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, BusinessCalendar.Amsterdam.GetUtcOffset(local));
    }

    private async Task PollOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var booked = await scope.ServiceProvider.GetRequiredService<TikkiePaymentIntake>().PollAsync(ct);
            if (booked > 0)
            {
                logger.LogInformation("Tikkie polling booked {Count} payments that no notification brought in", booked);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TikkieApiException or DbUpdateException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Polling Tikkie failed; the next poll tries again");
        }
    }
}
