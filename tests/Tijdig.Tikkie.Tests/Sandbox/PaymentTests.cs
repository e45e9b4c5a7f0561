using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class PaymentTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task OpenRequest_PayerChoosesAmount()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Vrije bijdrage", null, null, null), None);

        var paid = await sandbox.PayAsync(created.PaymentRequestToken, new { amountInCents = 1234, counterPartyName = "J. de Vries", counterPartyAccountNumber = "NL91ABNA0417164300" });
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        var payment = await client.GetPaymentAsync(created.PaymentRequestToken, paid.GetProperty("paymentToken").GetString()!, None);

        Assert.Null(created.AmountInCents);
        Assert.Null(request.AmountInCents);
        Assert.Equal(1, request.NumberOfPayments);
        Assert.Equal(1234, request.TotalAmountPaidInCents);
        Assert.Equal(1234, payment.AmountInCents);
        Assert.Equal("J. de Vries", payment.CounterPartyName);
        Assert.Equal("NL91ABNA0417164300", payment.CounterPartyAccountNumber);
        Assert.Equal("Vrije bijdrage", payment.Description);
        Assert.Matches("^[0-9]{12}$", payment.TikkieId);
        Assert.Empty(payment.Refunds!);
    }

    [Fact]
    public async Task OpenRequest_PayWithoutAmount_IsRejected()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Vrije bijdrage", null, null, null), None);

        var response = await sandbox.Raw.PostAsJsonAsync($"tikkie-sandbox/control/paymentrequests/{created.PaymentRequestToken}/pay", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SinglePaymentMode_SecondPaymentRejected()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 2500, null, null), None);

        var paid = await sandbox.PayAsync(created.PaymentRequestToken);
        var second = await sandbox.Raw.PostAsJsonAsync($"tikkie-sandbox/control/paymentrequests/{created.PaymentRequestToken}/pay", new { });
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal("MAX_SUCCESSFUL_PAYMENTS_REACHED", paid.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(PaymentRequestStatus.MaxSuccessfulPaymentsReached, request.Status);
        Assert.Equal(1, request.NumberOfPayments);
        Assert.Equal(2500, request.TotalAmountPaidInCents);
    }

    [Fact]
    public async Task UnlimitedMode_StaysOpenAndCounts()
    {
        await using var sandbox = await TestSandbox.StartAsync(options => options.UnlimitedPayments = true);
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 2500, null, null), None);

        await sandbox.PayAsync(created.PaymentRequestToken);
        await sandbox.PayAsync(created.PaymentRequestToken);
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        var payments = await client.ListPaymentsAsync(created.PaymentRequestToken, 0, 1, true, None);

        Assert.Equal(PaymentRequestStatus.Open, request.Status);
        Assert.Equal(2, request.NumberOfPayments);
        Assert.Equal(5000, request.TotalAmountPaidInCents);
        Assert.Equal(2, payments.TotalElementCount);
        Assert.Single(payments.Items);
    }

    [Fact]
    public async Task FixedRequest_PayWithOtherAmount_IsRejected()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 2500, null, null), None);

        var response = await sandbox.Raw.PostAsJsonAsync($"tikkie-sandbox/control/paymentrequests/{created.PaymentRequestToken}/pay", new { amountInCents = 100 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Expiry_ComputedLazilyAfterClockAdvance()
    {
        // 10:00 UTC is 11:00 in Amsterdam, so the business date is 10 March 2030.
        var start = new FakeTimeProvider(new DateTimeOffset(2030, 3, 10, 10, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(options => options.Clock = start);
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        await sandbox.AdvanceClockAsync(days: 14);
        var onExpiryDate = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        await sandbox.AdvanceClockAsync(days: 1);
        var dayAfter = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        var payAttempt = await sandbox.Raw.PostAsJsonAsync($"tikkie-sandbox/control/paymentrequests/{created.PaymentRequestToken}/pay", new { });

        Assert.Equal(new DateOnly(2030, 3, 24), created.ExpiryDate);
        Assert.Equal(new DateTimeOffset(2030, 3, 10, 10, 0, 0, TimeSpan.Zero), created.CreatedDateTime);
        Assert.Equal(PaymentRequestStatus.Open, onExpiryDate.Status);
        Assert.Equal(PaymentRequestStatus.Expired, dayAfter.Status);
        Assert.Equal(HttpStatusCode.Conflict, payAttempt.StatusCode);
    }

    [Fact]
    public async Task Expiry_EndsAtMidnightInAmsterdam()
    {
        // 22:30 UTC on 24 March is 23:30 in Amsterdam (CET): still the expiry date. One hour later it is the 25th there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 3, 24, 22, 30, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(options => options.Clock = clock);
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, new DateOnly(2030, 3, 24)), None);

        var before = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        clock.Advance(TimeSpan.FromHours(1));
        var after = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal(PaymentRequestStatus.Open, before.Status);
        Assert.Equal(PaymentRequestStatus.Expired, after.Status);
    }

    [Fact]
    public async Task Close_MakesRequestClosed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        var response = await sandbox.Raw.PostAsync($"tikkie-sandbox/control/paymentrequests/{created.PaymentRequestToken}/close", null);
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(PaymentRequestStatus.Closed, request.Status);
    }

    [Fact]
    public async Task Payments_UnknownPaymentToken_Returns404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        var notFound = await Assert.ThrowsAsync<TikkieApiException>(() => client.GetPaymentAsync(created.PaymentRequestToken, Guid.NewGuid().ToString(), None));
        var invalid = await Assert.ThrowsAsync<TikkieApiException>(() => client.GetPaymentAsync(created.PaymentRequestToken, "123", None));
        var noRequest = await Assert.ThrowsAsync<TikkieApiException>(() => client.ListPaymentsAsync("AAAAAAAAAAAAAAAAAAAAAA", 0, 10, true, None));

        Assert.Equal("PAYMENT_NOT_FOUND", Assert.Single(notFound.Errors).Code);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("PAYMENT_TOKEN_INVALID", Assert.Single(invalid.Errors).Code);
        Assert.Equal("PAYMENT_REQUEST_NOT_FOUND", Assert.Single(noRequest.Errors).Code);
    }

    [Fact]
    public async Task Refunds_UpToPaidPlus2500()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1000, null, null), None);
        var paymentToken = (await sandbox.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString()!;

        var refund = await client.CreateRefundAsync(created.PaymentRequestToken, paymentToken, new CreateRefund("Teveel betaald", 3000, "ref_1"), None);
        var tooHigh = await Assert.ThrowsAsync<TikkieApiException>(
            () => client.CreateRefundAsync(created.PaymentRequestToken, paymentToken, new CreateRefund("Nog eens", 501, null), None));
        var exact = await client.CreateRefundAsync(created.PaymentRequestToken, paymentToken, new CreateRefund("Rest", 500, null), None);
        var fetched = await client.GetRefundAsync(created.PaymentRequestToken, paymentToken, refund.RefundToken, None);
        var withRefunds = await client.ListPaymentsAsync(created.PaymentRequestToken, 0, 10, true, None);
        var withoutRefunds = await client.ListPaymentsAsync(created.PaymentRequestToken, 0, 10, false, None);

        Assert.Equal(RefundStatus.Pending, refund.Status);
        Assert.Equal(3000, refund.AmountInCents);
        Assert.Equal("ref_1", refund.ReferenceId);
        Assert.Equal("REFUND_AMOUNT_IS_TOO_HIGH", Assert.Single(tooHigh.Errors).Code);
        Assert.Equal(500, exact.AmountInCents);
        Assert.Equal(refund, fetched);
        Assert.Equal(2, withRefunds.Items.Single().Refunds!.Count);
        Assert.Null(withoutRefunds.Items.Single().Refunds);
    }

    [Fact]
    public async Task Refund_ExecutedByControl_BecomesPaid()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1000, null, null), None);
        var paymentToken = (await sandbox.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString()!;
        var refund = await client.CreateRefundAsync(created.PaymentRequestToken, paymentToken, new CreateRefund("Terug", 1000, null), None);

        (await sandbox.Raw.PostAsync($"tikkie-sandbox/control/refunds/{refund.RefundToken}/execute", null)).EnsureSuccessStatusCode();
        var fetched = await client.GetRefundAsync(created.PaymentRequestToken, paymentToken, refund.RefundToken, None);

        Assert.Equal(RefundStatus.Paid, fetched.Status);
    }

    [Fact]
    public async Task Refund_InvalidBodyAndUnknownToken_AreRejected()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 1000, null, null), None);
        var paymentToken = (await sandbox.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString()!;

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Post, $"paymentrequests/{created.PaymentRequestToken}/payments/{paymentToken}/refunds", "{}");
        var unknown = await Assert.ThrowsAsync<TikkieApiException>(
            () => client.GetRefundAsync(created.PaymentRequestToken, paymentToken, "BBBBBBBBBBBBBBBBBBBBBB", None));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = json!.RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("code").GetString());
        Assert.Equal(["DESCRIPTION_MISSING", "AMOUNT_IN_CENTS_MISSING"], codes);
        Assert.Equal("REFUND_NOT_FOUND", Assert.Single(unknown.Errors).Code);
    }
}
