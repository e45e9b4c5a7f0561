using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tijdig.Tikkie.Sandbox.Control;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Notifications;

/// <summary>Outcome of one notification, listed by the control endpoint <c>GET /tikkie-sandbox/control/notifications</c>.</summary>
/// <param name="Body">JSON body that was or would have been sent.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="LastStatusCode">Status of the last attempt, or null when it failed without a response.</param>
/// <param name="Delivered">True when an attempt got a 2xx.</param>
/// <param name="Dropped">True when a fault switch dropped it.</param>
public sealed record NotificationDelivery(string Body, int Attempts, int? LastStatusCode, bool Delivered, bool Dropped);

/// <summary>
/// Sends PAYMENT and REFUND notifications in the background: unsigned JSON, POST, 2xx is the
/// acknowledgement, up to <see cref="SandboxOptions.NotificationAttempts"/> attempts.
/// </summary>
public sealed partial class NotificationDispatcher(
    IHttpClientFactory httpClients,
    SandboxFaults faults,
    IOptions<SandboxOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Name of the HttpClient used for deliveries.</summary>
    public const string HttpClientName = "Tijdig.Tikkie.Sandbox.Notifications";

    private readonly Channel<(string Url, string Body)> queue = Channel.CreateUnbounded<(string, string)>();
    private readonly ConcurrentQueue<NotificationDelivery> deliveries = new();

    /// <summary>Every notification handled so far, oldest first.</summary>
    public IReadOnlyList<NotificationDelivery> Deliveries => [.. deliveries];

    internal void EnqueuePayment(StoredSubscription subscription, string paymentRequestToken, string paymentToken) =>
        Enqueue(subscription, new JsonObject
        {
            ["subscriptionId"] = subscription.SubscriptionId,
            ["notificationType"] = "PAYMENT",
            ["paymentRequestToken"] = paymentRequestToken,
            ["paymentToken"] = paymentToken,
        });

    internal void EnqueueRefund(StoredSubscription subscription, string paymentRequestToken, string paymentToken, string refundToken) =>
        Enqueue(subscription, new JsonObject
        {
            ["subscriptionId"] = subscription.SubscriptionId,
            ["notificationType"] = "REFUND",
            ["paymentRequestToken"] = paymentRequestToken,
            ["paymentToken"] = paymentToken,
            ["refundToken"] = refundToken,
        });

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (url, body) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (faults.TakeDrop())
            {
                deliveries.Enqueue(new NotificationDelivery(body, 0, null, Delivered: false, Dropped: true));
                LogDropped(logger);
                continue;
            }

            var copies = faults.DuplicateNotifications ? 2 : 1;
            for (var copy = 0; copy < copies; copy++)
            {
                deliveries.Enqueue(await DeliverAsync(url, body, stoppingToken));
            }
        }
    }

    private void Enqueue(StoredSubscription subscription, JsonObject body) =>
        queue.Writer.TryWrite((subscription.Url, body.ToJsonString()));

    private async Task<NotificationDelivery> DeliverAsync(string url, string body, CancellationToken ct)
    {
        var maxAttempts = Math.Max(1, options.Value.NotificationAttempts);
        int? status = null;
        var http = httpClients.CreateClient(HttpClientName);

        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(url), content, ct);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return new NotificationDelivery(body, attempt, status, Delivered: true, Dropped: false);
                }

                LogAttemptFailed(logger, attempt, maxAttempts, status.Value);
            }
            catch (HttpRequestException exception)
            {
                status = null;
                LogAttemptError(logger, exception, attempt, maxAttempts);
            }
            catch (TaskCanceledException exception) when (!ct.IsCancellationRequested)
            {
                status = null;
                LogAttemptError(logger, exception, attempt, maxAttempts);
            }

            if (attempt < maxAttempts)
            {
                await Task.Delay(options.Value.NotificationRetryDelay, ct);
            }
        }

        return new NotificationDelivery(body, maxAttempts, status, Delivered: false, Dropped: false);
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Dropped a notification because of the fault switch")]
    private static partial void LogDropped(ILogger logger);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Notification attempt {Attempt} of {MaxAttempts} got HTTP {StatusCode}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, int maxAttempts, int statusCode);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Notification attempt {Attempt} of {MaxAttempts} failed")]
    private static partial void LogAttemptError(ILogger logger, Exception exception, int attempt, int maxAttempts);
}
