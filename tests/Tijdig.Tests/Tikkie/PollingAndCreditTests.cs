using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Outbox;
using Tijdig.Payments;

namespace Tijdig.Tests.Tikkie;

/// <summary>Polling as the fallback for lost notifications, open Tikkies, credits and their refund, and expiry.</summary>
public sealed partial class PollingAndCreditTests
{
    private static readonly DateOnly Today = TikkieWebApp.Today;

    [Fact]
    public async Task DroppedNotification_IsBookedByScheduledPoll()
    {
        await using var tikkie = await TikkieWebApp.StartAsync(new Dictionary<string, string?>
        {
            ["TikkiePolling:Enabled"] = "true",
            ["TikkiePolling:IntervalMinutes"] = "15",
        });
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-10), 100m));
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-POLL", 10_000, "F-1");
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        await tikkie.PayAsync(request.Token!);
        await Task.Delay(500);
        var beforePoll = await tikkie.OpenCentsAsync("F-1");

        tikkie.App.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterPoll = await TikkieWebApp.WaitForAsync(() => tikkie.OpenCentsAsync("F-1"), cents => cents == 0);

        Assert.Equal(10_000, beforePoll);
        Assert.Equal(0, afterPoll);
        Assert.Equal(1, await tikkie.TikkiePaymentCountAsync());
    }

    [Fact]
    public async Task OpenTikkie_PaysOldestFirstThenCredits()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-NEW", Today.AddDays(-5), 50m), ("F-OLD", Today.AddDays(-30), 100m));
        var first = await tikkie.CreateRequestAsync("D1", "TJ-TEST-OT1", null);
        var second = await tikkie.CreateRequestAsync("D1", "TJ-TEST-OT2", null);
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 2 });

        await tikkie.PayAsync(first.Token!, 12_000);
        await tikkie.PayAsync(second.Token!, 10_000);
        var booked = await tikkie.App.RunAsync(services => services.GetRequiredService<TikkiePaymentIntake>().PollAsync(CancellationToken.None));

        Assert.Equal(2, booked);
        Assert.Equal(0, await tikkie.OpenCentsAsync("F-OLD"));
        Assert.Equal(0, await tikkie.OpenCentsAsync("F-NEW"));
        var credit = await tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.UnallocatedCents));
        Assert.Equal(7_000, credit);
        var state = await tikkie.App.QueryAsync(db => db.PaymentRequests.Where(r => r.Id == first.Id).Select(r => r.State).FirstAsync());
        Assert.Equal(PaymentRequestState.Open, state);
    }

    [Fact]
    public async Task OpenTikkie_PartialPaymentGoesToOldest()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-NEW", Today.AddDays(-5), 50m), ("F-OLD", Today.AddDays(-30), 100m));
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-OTP", null);
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });

        await tikkie.PayAsync(request.Token!, 2_500);
        await tikkie.App.RunAsync(services => services.GetRequiredService<TikkiePaymentIntake>().PollAsync(CancellationToken.None));

        Assert.Equal(7_500, await tikkie.OpenCentsAsync("F-OLD"));
        Assert.Equal(5_000, await tikkie.OpenCentsAsync("F-NEW"));
    }

    [Fact]
    public async Task Credit_IsRefundedFromBackOffice()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-CRED", null);
        await tikkie.PayAsync(request.Token!, 13_000);
        var credit = await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.UnallocatedCents)),
            cents => cents == 3_000);
        Assert.Equal(3_000, credit);

        var page = await tikkie.Http.GetStringAsync(new Uri("beheer/tikkie/terugbetalen", UriKind.Relative));
        var paymentId = PaymentIdField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["paymentId"] = paymentId,
            ["amount"] = "30,00",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        });
        using var response = await tikkie.Http.PostAsync(new Uri("beheer/tikkie/terugbetalen", UriKind.Relative), form);
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Terugbetaling van € 30,00 aangemaakt bij Tikkie.", answer, StringComparison.Ordinal);
        Assert.Contains("Er staan geen Tikkie-tegoeden open.", answer, StringComparison.Ordinal);
        Assert.Equal(0, await tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.UnallocatedCents)));
        var refunds = await tikkie.Client.GetPaymentAsync(request.Token!, (await tikkie.App.QueryAsync(db => db.Payments.FirstAsync(p => p.AmountCents > 0))).ExternalReference, CancellationToken.None);
        Assert.Equal(3_000, Assert.Single(refunds.Refunds!).AmountInCents);

        // Tikkie's REFUND notification after execution must not take the refund off a second time.
        await tikkie.ExecuteRefundAsync(refunds.Refunds![0].RefundToken);
        await Task.Delay(1_000);
        Assert.Equal(0, await tikkie.OpenCentsAsync("F-1"));
        Assert.Equal(10_000, await tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.AmountCents)));
    }

    public static TheoryData<string, string> InvalidRefunds => new()
    {
        { "0", "Vul een bedrag in tussen € 0,01 en het tegoed." },
        { "30,01", "Vul een bedrag in tussen € 0,01 en het tegoed." },
        { "abc", "Vul een bedrag in tussen € 0,01 en het tegoed." },
        { "1,234", "Vul een bedrag in tussen € 0,01 en het tegoed." },
    };

    [Theory]
    [MemberData(nameof(InvalidRefunds))]
    public async Task InvalidRefundAmount_IsRejected(string amount, string message)
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));
        var request = await tikkie.CreateRequestAsync("D1", "TJ-TEST-BAD", null);
        await tikkie.SetFaultsAsync(new { dropNextNotifications = 1 });
        await tikkie.PayAsync(request.Token!, 13_000);
        await tikkie.App.RunAsync(services => services.GetRequiredService<TikkiePaymentIntake>().PollAsync(CancellationToken.None));

        var page = await tikkie.Http.GetStringAsync(new Uri("beheer/tikkie/terugbetalen", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["paymentId"] = PaymentIdField().Match(page).Groups[1].Value,
            ["amount"] = amount,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        });
        using var response = await tikkie.Http.PostAsync(new Uri("beheer/tikkie/terugbetalen", UriKind.Relative), form);
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains(message, answer, StringComparison.Ordinal);
        Assert.Equal(3_000, await tikkie.App.QueryAsync(db => db.Payments.SumAsync(p => p.UnallocatedCents)));
    }

    [Fact]
    public async Task ExpiredRequest_IsNeverSentAgain()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));
        var messageId = await tikkie.App.RunAsync(async services =>
        {
            var db = services.GetRequiredService<Data.TijdigDbContext>();
            var debtor = await db.Debtors.FirstAsync();
            var record = new PaymentRequestRecord
            {
                DebtorId = debtor.Id,
                Purpose = PaymentRequestPurpose.Arrears,
                ReferenceId = "TJ-TEST-EXP",
                Description = "Factuur F-1",
                AmountCents = 10_000,
                InvoiceNumbers = "F-1",
                ExpiryDate = Today.AddDays(7),
                State = PaymentRequestState.Intent,
            };
            db.PaymentRequests.Add(record);
            await db.SaveChangesAsync();
            var message = new OutboxMessage
            {
                IdempotencyKey = "test-expired",
                DebtorId = debtor.Id,
                Channel = MessageChannel.Sms,
                Step = "reminder-1",
                BusinessDate = Today,
                AmountCents = 10_000,
                InvoiceNumbers = "F-1",
                PaymentRequestId = record.Id,
                Status = MessageStatus.Queued,
            };
            db.Outbox.Add(message);
            await db.SaveChangesAsync();
            return message.Id;
        });

        tikkie.App.SetToday(Today.AddDays(8));
        var status = await tikkie.App.RunAsync(services => services.GetRequiredService<OutboxDispatcher>().DispatchMessageAsync(messageId, CancellationToken.None));

        Assert.Equal(MessageStatus.Cancelled, status);
        var list = await tikkie.Client.ListPaymentRequestsAsync(0, 50, null, null, CancellationToken.None);
        Assert.DoesNotContain(list.Items, r => r.ReferenceId == "TJ-TEST-EXP");
        Assert.Null(await tikkie.App.QueryAsync(db => db.PaymentRequests.Select(r => r.Token).FirstAsync()));
    }

    [GeneratedRegex("name=\"paymentId\" value=\"(\\d+)\"")]
    private static partial Regex PaymentIdField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
