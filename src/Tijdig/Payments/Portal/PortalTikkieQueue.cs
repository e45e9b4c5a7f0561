using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Tikkie;

namespace Tijdig.Payments.Portal;

/// <summary>What a parent asked for on the portal: a Tikkie for the exact open balance, or an open Tikkie.</summary>
public sealed record PortalTikkieRequest(string DebtorNumber, bool OpenAmount);

/// <summary>
/// Hands portal requests to a background worker, so that the page answers at once and in the same
/// time whether or not the debtor number exists.
/// </summary>
public sealed class PortalTikkieQueue(IOptions<PortalTikkieSettings> settings)
{
    private readonly Channel<PortalTikkieRequest> channel = Channel.CreateBounded<PortalTikkieRequest>(
        new BoundedChannelOptions(settings.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Queues the request; when the queue is full it is dropped and the parent can try again later.</summary>
    public void Enqueue(PortalTikkieRequest request) => channel.Writer.TryWrite(request);

    internal ChannelReader<PortalTikkieRequest> Reader => channel.Reader;
}

/// <summary>Works through the portal's Tikkie requests one at a time.</summary>
public sealed class PortalTikkieWorker(
    PortalTikkieQueue queue,
    IServiceScopeFactory scopes,
    ILogger<PortalTikkieWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(request, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; requests still queued are lost and the parent can ask again.
        }
    }

    private async Task HandleAsync(PortalTikkieRequest request, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<RequestPortalTikkie>().RunAsync(request, ct);
            logger.LogInformation("Portal Tikkie request handled: {Outcome}", outcome);
        }
        catch (Exception exception) when (exception is HttpRequestException or TikkieApiException or DbUpdateException or InvalidOperationException)
        {
            logger.LogError(exception, "Portal Tikkie request failed; the parent can ask again");
        }
    }
}
