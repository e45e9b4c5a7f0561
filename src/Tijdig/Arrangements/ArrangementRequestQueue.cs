using System.Globalization;
using System.Threading.Channels;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Hosting;
using Tijdig.Outbox;

namespace Tijdig.Arrangements;

/// <summary>A parent's request from the portal, handled after the response has gone out.</summary>
public sealed record ArrangementRequest(string DebtorNumber, int Instalments);

/// <summary>
/// Decouples the portal's response from the booking: the page answers at once and identically for
/// every debtor number, so neither the text nor the response time tells whether a number exists.
/// </summary>
public sealed class ArrangementRequestQueue
{
    private readonly Channel<ArrangementRequest> _channel = Channel.CreateBounded<ArrangementRequest>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Queues a request; returns false when the queue is full (the request is dropped, as a burst of abuse would be).</summary>
    public bool TryEnqueue(ArrangementRequest request) => _channel.Writer.TryWrite(request);

    public IAsyncEnumerable<ArrangementRequest> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>Books queued portal requests and sends the confirmation at once.</summary>
public sealed class ArrangementRequestWorker(
    ArrangementRequestQueue queue,
    IServiceScopeFactory scopes,
    BusinessCalendar calendar,
    ILogger<ArrangementRequestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await HandleAsync(request, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Handling a portal arrangement request failed");
            }
        }
    }

    private async Task HandleAsync(ArrangementRequest request, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await services.GetRequiredService<BookArrangement>().RunAsync(request.DebtorNumber, request.Instalments, "portal", ct);

        switch (result.Outcome)
        {
            case ArrangementOutcome.Booked:
                await services.GetRequiredService<ParallelOutboxDispatcher>().DispatchDebtorAsync(result.Arrangement!.DebtorId, ct);
                return;
            case ArrangementOutcome.UnknownDebtor:
            case ArrangementOutcome.InvalidInstalmentCount:
                logger.LogInformation("Portal arrangement request not booked: {Outcome}", result.Outcome);
                return;
            default:
                await AddWorkItemAsync(services.GetRequiredService<TijdigDbContext>(), request, result.Outcome, ct);
                return;
        }
    }

    /// <summary>A known debtor whose request the robot may not book gets a person instead.</summary>
    private async Task AddWorkItemAsync(TijdigDbContext db, ArrangementRequest request, ArrangementOutcome outcome, CancellationToken ct)
    {
        var debtor = db.Debtors.First(d => d.DebtorNumber == request.DebtorNumber.Trim());
        var today = calendar.Today;
        var key = string.Create(CultureInfo.InvariantCulture, $"arrangement-request:{debtor.Id}:{today:yyyy-MM-dd}");
        if (db.WorkItems.Any(w => w.Key == key))
        {
            return;
        }

        var reason = outcome switch
        {
            ArrangementOutcome.AlreadyActive => "er loopt al een betalingsregeling",
            ArrangementOutcome.WithAgency => "de vordering ligt bij een incassobureau",
            ArrangementOutcome.NothingOpen => "er staat niets open",
            ArrangementOutcome.BalanceTooLow => "het openstaande bedrag is lager dan het minimum voor een regeling",
            _ => outcome.ToString(),
        };
        db.WorkItems.Add(new WorkItem
        {
            Queue = "arrangements",
            DebtorId = debtor.Id,
            Key = key,
            Description = string.Create(CultureInfo.InvariantCulture, $"Verzoek om een betalingsregeling in {request.Instalments} termijnen via het portaal niet automatisch geboekt: {reason}."),
            CreatedOn = today,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Portal arrangement request sent to the work queue: {Outcome}", outcome);
    }
}
