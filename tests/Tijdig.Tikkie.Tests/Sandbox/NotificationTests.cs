using System.Net.Http.Json;
using System.Text.Json;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class NotificationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Payment_DeliversNotificationToSubscribedUrl()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var subscriptionId = await client.SubscribeAsync(receiver.Url, None);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1500, null, null), None);

        var paymentToken = (await sandbox.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString();
        var body = await receiver.NextBodyAsync();

        Assert.True(TikkieNotification.TryParse(body, out var notification));
        Assert.Equal(new TikkieNotification(subscriptionId, TikkieNotificationType.Payment, created.PaymentRequestToken, paymentToken, null, null), notification);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["subscriptionId", "notificationType", "paymentRequestToken", "paymentToken"], json.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Subscribe_Again_OverwritesUrlAndId()
    {
        await using var oldReceiver = await LoopbackServer.StartAsync();
        await using var newReceiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var oldId = await client.SubscribeAsync(oldReceiver.Url, None);
        var newId = await client.SubscribeAsync(newReceiver.Url, None);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1500, null, null), None);

        await sandbox.PayAsync(created.PaymentRequestToken);
        TikkieNotification.TryParse(await newReceiver.NextBodyAsync(), out var notification);

        Assert.NotEqual(oldId, newId);
        Assert.Equal(newId, notification!.SubscriptionId);
        Assert.Equal(0, oldReceiver.RequestCount);
    }

    [Fact]
    public async Task Unsubscribe_StopsNotifications()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        await client.UnsubscribeAsync(None);
        var silent = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Zonder melding", 100, null, null), None);
        var notified = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Met melding", 100, null, null), None);

        await sandbox.PayAsync(silent.PaymentRequestToken);
        await client.SubscribeAsync(receiver.Url, None);
        await sandbox.PayAsync(notified.PaymentRequestToken);
        TikkieNotification.TryParse(await receiver.NextBodyAsync(), out var notification);

        Assert.Equal(notified.PaymentRequestToken, notification!.PaymentRequestToken);
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedUntil2xx()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.RespondWith(500, 503);
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        await sandbox.PayAsync(created.PaymentRequestToken);
        var bodies = new[] { await receiver.NextBodyAsync(), await receiver.NextBodyAsync(), await receiver.NextBodyAsync() };
        var delivery = await WaitForDeliveriesAsync(sandbox, 1);

        Assert.Single(bodies.Distinct());
        Assert.Equal(3, delivery[0].GetProperty("attempts").GetInt32());
        Assert.True(delivery[0].GetProperty("delivered").GetBoolean());
    }

    [Fact]
    public async Task FailedDelivery_StopsAfterConfiguredAttempts()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        receiver.RespondWith(500, 500);
        await using var sandbox = await TestSandbox.StartAsync(options => options.NotificationAttempts = 2);
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        await sandbox.PayAsync(created.PaymentRequestToken);
        var delivery = await WaitForDeliveriesAsync(sandbox, 1);

        Assert.Equal(2, receiver.RequestCount);
        Assert.False(delivery[0].GetProperty("delivered").GetBoolean());
        Assert.Equal(500, delivery[0].GetProperty("lastStatusCode").GetInt32());
    }

    [Fact]
    public async Task DuplicateSwitch_DeliversTwice()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        await sandbox.SetFaultsAsync(new { duplicateNotifications = true });
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        await sandbox.PayAsync(created.PaymentRequestToken);
        var first = await receiver.NextBodyAsync();
        var second = await receiver.NextBodyAsync();

        Assert.Equal(first, second);
        Assert.Contains(created.PaymentRequestToken, first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropSwitch_SkipsNextNotification()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        await sandbox.SetFaultsAsync(new { dropNextNotifications = 1 });
        var dropped = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Weg", 100, null, null), None);
        var delivered = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Aan", 100, null, null), None);

        await sandbox.PayAsync(dropped.PaymentRequestToken);
        await sandbox.PayAsync(delivered.PaymentRequestToken);
        TikkieNotification.TryParse(await receiver.NextBodyAsync(), out var notification);
        var deliveries = await WaitForDeliveriesAsync(sandbox, 2);

        Assert.Equal(delivered.PaymentRequestToken, notification!.PaymentRequestToken);
        Assert.True(deliveries[0].GetProperty("dropped").GetBoolean());
        Assert.Equal(1, receiver.RequestCount);
    }

    [Fact]
    public async Task RefundExecution_SendsRefundNotification()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1000, null, null), None);
        var paymentToken = (await sandbox.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString()!;
        var refund = await client.CreateRefundAsync(created.PaymentRequestToken, paymentToken, new CreateRefund("Terug", 400, null), None);
        await client.SubscribeAsync(receiver.Url, None);

        (await sandbox.Raw.PostAsync($"tikkie-sandbox/control/refunds/{refund.RefundToken}/execute", null)).EnsureSuccessStatusCode();
        TikkieNotification.TryParse(await receiver.NextBodyAsync(), out var notification);

        Assert.Equal(TikkieNotificationType.Refund, notification!.NotificationType);
        Assert.Equal(refund.RefundToken, notification.RefundToken);
        Assert.Equal(paymentToken, notification.PaymentToken);
    }

    // Polls the sandbox's delivery log; the wait ends as soon as the entries exist.
    private static async Task<JsonElement[]> WaitForDeliveriesAsync(TestSandbox sandbox, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var deliveries = await sandbox.Raw.GetFromJsonAsync<JsonElement[]>("tikkie-sandbox/control/notifications", timeout.Token);
            if (deliveries!.Length >= count)
            {
                return deliveries;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
