using System.Net;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class PaymentPageTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Page_ShowsDescriptionAmountAndForm()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Opvang <maart>", 125050, null, null), None);

        using var response = await sandbox.Raw.GetAsync(new Uri(created.Url));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Opvang &lt;maart&gt;", html, StringComparison.Ordinal);
        Assert.Contains("€ 1.250,50", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"bank\">Kies je bank</label>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Betalen</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"amount\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_PaysAndConfirmsInDutch()
    {
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await client.SubscribeAsync(receiver.Url, None);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur 12", 1250, null, null), None);

        using var response = await sandbox.Raw.PostAsync(new Uri(created.Url), Form(("bank", "INGB"), ("payerName", "P. Jansen")));
        var html = await response.Content.ReadAsStringAsync();
        TikkieNotification.TryParse(await receiver.NextBodyAsync(), out var notification);
        var payment = await client.GetPaymentAsync(created.PaymentRequestToken, notification!.PaymentToken!, None);
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Betaling gelukt", html, StringComparison.Ordinal);
        Assert.Contains("€ 12,50", html, StringComparison.Ordinal);
        Assert.Contains("ING", html, StringComparison.Ordinal);
        Assert.Equal("P. Jansen", payment.CounterPartyName);
        Assert.Matches("^NL[0-9]{2}INGB[0-9]{10}$", payment.CounterPartyAccountNumber);
        Assert.Equal(PaymentRequestStatus.MaxSuccessfulPaymentsReached, request.Status);
    }

    [Fact]
    public async Task OpenRequest_PageAsksForAmount()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Bijdrage", null, null, null), None);

        var page = await sandbox.Raw.GetStringAsync(new Uri(created.Url));
        using var invalid = await sandbox.Raw.PostAsync(new Uri(created.Url), Form(("bank", "RABO"), ("amount", "twaalf")));
        using var paid = await sandbox.Raw.PostAsync(new Uri(created.Url), Form(("bank", "RABO"), ("amount", "7,25")));
        var request = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Contains("<label for=\"amount\">Bedrag in euro</label>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Vul een geldig bedrag in", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(725, request.TotalAmountPaidInCents);
    }

    [Fact]
    public async Task Submit_WithoutBank_ShowsError()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        using var response = await sandbox.Raw.PostAsync(new Uri(created.Url), Form(("bank", "")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies je bank om verder te gaan.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnpayableRequest_ShowsDutchMessage()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 3, 10, 10, 0, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(options => options.Clock = clock);
        var client = sandbox.Client();
        var paid = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Betaald", 100, null, null), None);
        var closed = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Gesloten", 100, null, null), None);
        var expired = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Verlopen", 100, null, new DateOnly(2030, 3, 10)), None);
        await sandbox.PayAsync(paid.PaymentRequestToken);
        await sandbox.Raw.PostAsync($"tikkie-sandbox/control/paymentrequests/{closed.PaymentRequestToken}/close", null);
        clock.Advance(TimeSpan.FromDays(1));

        var cases = new (string Url, HttpStatusCode Status, string Text)[]
        {
            (paid.Url, HttpStatusCode.Gone, "Dit betaalverzoek is al betaald."),
            (closed.Url, HttpStatusCode.Gone, "Dit betaalverzoek is ingetrokken"),
            (expired.Url, HttpStatusCode.Gone, "Dit betaalverzoek is verlopen"),
            (new Uri(sandbox.Server.BaseAddress, "tikkie-sandbox/pay/AAAAAAAAAAAAAAAAAAAAAA").AbsoluteUri, HttpStatusCode.NotFound, "Dit betaalverzoek bestaat niet."),
        };

        foreach (var (url, status, text) in cases)
        {
            using var response = await sandbox.Raw.GetAsync(new Uri(url));
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var submit = await sandbox.Raw.PostAsync(new Uri(expired.Url), Form(("bank", "INGB")));
        Assert.Equal(HttpStatusCode.Gone, submit.StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => KeyValuePair.Create(field.Name, field.Value)));
}
