using Microsoft.EntityFrameworkCore;
using Tijdig.Domain.Tikkie;
using Tijdig.Tikkie;

namespace Tijdig.Tests.Tikkie;

/// <summary>The notification endpoint over real HTTP, with the in-process sandbox as Tikkie.</summary>
public sealed class NotificationIntakeTests
{
    private static readonly DateOnly Due = TikkieWebApp.Today.AddDays(-10);

    [Fact]
    public async Task DuplicateNotification_BooksOnce()
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-DUP", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        var paymentToken = await tikkie.PayAsync(request.Token!);
        var body = tikkie.PaymentNotification(request.Token!, paymentToken);

        var first = await tikkie.NotifyAsync(body);
        var second = await tikkie.NotifyAsync(body);

        Assert.Equal((200, "Booked"), first);
        Assert.Equal((200, "Duplicate"), second);
        Assert.Equal(1, await tikkie.TikkiePaymentCountAsync());
        Assert.Equal(0, await tikkie.OpenCentsAsync("F-1"));
    }

    [Fact]
    public async Task ParallelDuplicates_BookOnce()
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-PAR", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        var paymentToken = await tikkie.PayAsync(request.Token!);
        var body = tikkie.PaymentNotification(request.Token!, paymentToken);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => tikkie.NotifyAsync(body)));

        Assert.All(outcomes, outcome => Assert.Equal(200, outcome.Status));
        Assert.Single(outcomes, outcome => outcome.Outcome == "Booked");
        Assert.Equal(1, await tikkie.TikkiePaymentCountAsync());
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "unknown payment token", "payment" },
        { "wrong subscription", "subscription" },
        { "unknown payment request", "request" },
        { "malformed body", "malformed" },
        { "unknown type", "type" },
        { "bundle", "bundle" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task ForgedNotification_ChangesNothing(string description, string forgery)
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-FORGE", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        var realPayment = await tikkie.PayAsync(request.Token!);
        var body = forgery switch
        {
            "payment" => tikkie.PaymentNotification(request.Token!, Guid.NewGuid().ToString()),
            "subscription" => tikkie.PaymentNotification(request.Token!, realPayment, Guid.NewGuid().ToString()),
            "request" => tikkie.PaymentNotification("qzdnzr8hnVWTgXXcFRLUMc", realPayment),
            "malformed" => "{\"notificationType\":",
            "type" => $$"""{"subscriptionId":"{{tikkie.SubscriptionId}}","notificationType":"CHARGEBACK","paymentRequestToken":"{{request.Token}}","paymentToken":"{{realPayment}}"}""",
            _ => $$"""{"subscriptionId":"{{tikkie.SubscriptionId}}","notificationType":"BUNDLE","bundleId":"{{Guid.NewGuid()}}"}""",
        };

        var outcome = await tikkie.NotifyAsync(body);

        Assert.True(outcome == (200, "Ignored"), $"{description}: got {outcome}");
        Assert.Equal(0, await tikkie.TikkiePaymentCountAsync());
        Assert.Equal(10_000, await tikkie.OpenCentsAsync("F-1"));
        Assert.Equal(0, await tikkie.App.QueryAsync(db => db.ProcessedNotifications.CountAsync()));
    }

    [Fact]
    public async Task DeliveredNotification_BooksPayment()
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-LIVE", 10_000, "F-1");

        await tikkie.PayAsync(request.Token!);
        var open = await TikkieWebApp.WaitForAsync(() => tikkie.OpenCentsAsync("F-1"), cents => cents == 0);

        Assert.Equal(0, open);
        var state = await tikkie.App.QueryAsync(db => db.PaymentRequests.Where(r => r.Id == request.Id).Select(r => r.State).FirstAsync());
        Assert.Equal(PaymentRequestState.Paid, state);
    }

    [Fact]
    public async Task RefundNotification_ReopensInvoice()
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-RFND", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 2 });
        var paymentToken = await tikkie.PayAsync(request.Token!);
        Assert.Equal((200, "Booked"), await tikkie.NotifyAsync(tikkie.PaymentNotification(request.Token!, paymentToken)));

        // A refund made outside Tijdig, as the credit team could in the Tikkie portal.
        var refund = await tikkie.Client.CreateRefundAsync(request.Token!, paymentToken, new CreateRefund("Teveel betaald", 4_000, "TJ-TEST-RF1"), CancellationToken.None);
        await tikkie.ExecuteRefundAsync(refund.RefundToken);
        var body = tikkie.RefundNotification(request.Token!, paymentToken, refund.RefundToken);
        var first = await tikkie.NotifyAsync(body);
        var second = await tikkie.NotifyAsync(body);

        Assert.Equal((200, "Booked"), first);
        Assert.Equal((200, "Duplicate"), second);
        Assert.Equal(4_000, await tikkie.OpenCentsAsync("F-1"));
        var net = await tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.AmountCents));
        Assert.Equal(6_000, net);
    }

    [Fact]
    public async Task ForgedRefund_ChangesNothing()
    {
        await using var tikkie = await StartWithDebtorAsync();
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-FRFD", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        var paymentToken = await tikkie.PayAsync(request.Token!);
        Assert.Equal((200, "Booked"), await tikkie.NotifyAsync(tikkie.PaymentNotification(request.Token!, paymentToken)));

        var outcome = await tikkie.NotifyAsync(tikkie.RefundNotification(request.Token!, paymentToken, "abcdzr8hnVWTgXXcFRLUMc"));

        Assert.Equal((200, "Ignored"), outcome);
        Assert.Equal(0, await tikkie.OpenCentsAsync("F-1"));
        Assert.Equal(1, await tikkie.TikkiePaymentCountAsync());
    }

    private static async Task<TikkieWebApp> StartWithDebtorAsync()
    {
        var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Due, 100m));
        return tikkie;
    }
}
