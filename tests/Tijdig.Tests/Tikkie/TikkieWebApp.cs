using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Domain.Tikkie;
using Tijdig.Payments;
using Tijdig.Tests.Infrastructure;
using Tijdig.Tikkie;

namespace Tijdig.Tests.Tikkie;

/// <summary>
/// <see cref="TestWebApp"/> with the helpers the Tikkie tests share: a small ledger, payment
/// requests created through the real client, and the sandbox's control endpoints over HTTP.
/// </summary>
public sealed partial class TikkieWebApp : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    /// <summary>How long a test waits for something that happens in the background, such as a notification.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private TikkieWebApp(TestWebApp app, HttpClient http, string subscriptionId)
    {
        App = app;
        Http = http;
        SubscriptionId = subscriptionId;
    }

    public TestWebApp App { get; }

    public HttpClient Http { get; }

    public string SubscriptionId { get; }

    public static async Task<TikkieWebApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var app = await TestWebApp.StartAsync(Today, settings: settings);
        var http = app.CreateClient();
        var subscription = await WaitForAsync(
            () => app.QueryAsync(db => db.Settings.AsNoTracking().Where(s => s.Key == TikkiePaymentIntake.SubscriptionSettingKey).Select(s => s.Value).FirstOrDefaultAsync()),
            value => value is not null);
        return new TikkieWebApp(app, http, subscription!);
    }

    /// <summary>Imports one debtor with a mobile number and invoices given as (number, due date, euros).</summary>
    public async Task SeedDebtorAsync(string debtorNumber, params (string Number, DateOnly Due, decimal Euros)[] invoices)
    {
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{debtorNumber},Familie {debtorNumber},{debtorNumber}@example.nl,0612345678,{LedgerFixtures.Iban(5_000_000)},,,,Transfer,nl,C{debtorNumber}");
        var invoiceCsv = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine();
        foreach (var (number, due, euros) in invoices)
        {
            invoiceCsv.AppendLine(CultureInfo.InvariantCulture, $"{number},{debtorNumber},{due.AddDays(-14):yyyy-MM-dd},{due:yyyy-MM-dd},{euros:0.00},");
        }

        var imported = await App.RunAsync(async services =>
        {
            var d = await services.ImportDebtorsAsync(debtors.ToString());
            var i = await services.ImportInvoicesAsync(invoiceCsv.ToString());
            return d.Success && i.Success;
        });
        Assert.True(imported, "The test ledger did not import.");
    }

    /// <summary>Creates a Tikkie for the debtor through <see cref="PaymentRequestCreator"/>; a null amount makes an open Tikkie.</summary>
    public Task<PaymentRequestRecord> CreateRequestAsync(string debtorNumber, string referenceId, long? amountCents, params string[] invoiceNumbers) =>
        App.RunAsync(async services =>
        {
            var db = services.GetRequiredService<Data.TijdigDbContext>();
            var debtor = await db.Debtors.FirstAsync(d => d.DebtorNumber == debtorNumber);
            var record = new PaymentRequestRecord
            {
                DebtorId = debtor.Id,
                Purpose = PaymentRequestPurpose.BalanceRequest,
                ReferenceId = referenceId,
                Description = "Test " + referenceId,
                AmountCents = amountCents,
                InvoiceNumbers = string.Join(",", invoiceNumbers),
                ExpiryDate = Today.AddDays(7),
                State = PaymentRequestState.Intent,
            };
            db.PaymentRequests.Add(record);
            await db.SaveChangesAsync();
            await services.GetRequiredService<PaymentRequestCreator>().EnsureCreatedAsync(record, CancellationToken.None);
            return record;
        });

    /// <summary>Pays a request on the sandbox; returns the payment token.</summary>
    public async Task<string> PayAsync(string requestToken, long? amountCents = null)
    {
        using var response = await Http.PostAsJsonAsync(new Uri($"tikkie-sandbox/control/paymentrequests/{requestToken}/pay", UriKind.Relative), new { amountInCents = amountCents });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("paymentToken").GetString()!;
    }

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("tikkie-sandbox/control/faults", UriKind.Relative), faults);
        response.EnsureSuccessStatusCode();
    }

    public async Task ExecuteRefundAsync(string refundToken)
    {
        using var response = await Http.PostAsync(new Uri($"tikkie-sandbox/control/refunds/{refundToken}/execute", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts a notification body to Tijdig's endpoint; returns the status code and the outcome it reports.</summary>
    public async Task<(int Status, string? Outcome)> NotifyAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri("api/v1/tikkie/notifications", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        var outcome = OutcomePattern().Match(text) is { Success: true } match ? match.Groups[1].Value : null;
        return ((int)response.StatusCode, outcome);
    }

    public string PaymentNotification(string requestToken, string paymentToken, string? subscriptionId = null) =>
        JsonSerializer.Serialize(new { subscriptionId = subscriptionId ?? SubscriptionId, notificationType = "PAYMENT", paymentRequestToken = requestToken, paymentToken });

    public string RefundNotification(string requestToken, string paymentToken, string refundToken) =>
        JsonSerializer.Serialize(new { subscriptionId = SubscriptionId, notificationType = "REFUND", paymentRequestToken = requestToken, paymentToken, refundToken });

    public TikkieClient Client => App.Services.GetRequiredService<TikkieClient>();

    public Task<long> OpenCentsAsync(string invoiceNumber) =>
        App.QueryAsync(db => db.Invoices.Where(i => i.InvoiceNumber == invoiceNumber).Select(i => i.OpenCents).FirstAsync());

    public Task<int> TikkiePaymentCountAsync() =>
        App.QueryAsync(db => db.Payments.CountAsync(p => p.Source == Domain.Ledger.PaymentSource.Tikkie));

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds or the patience runs out, and returns the last value.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex("\"outcome\":\"(\\w+)\"")]
    private static partial Regex OutcomePattern();
}
