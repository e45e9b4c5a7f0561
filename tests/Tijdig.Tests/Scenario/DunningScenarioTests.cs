using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning;
using Tijdig.Sepa.Writing;
using Tijdig.Tests.Infrastructure;
using Tijdig.Tikkie;

namespace Tijdig.Tests.Scenario;

/// <summary>
/// The daily job end to end on a real bank file: import → pain.008 → the bank's pain.002 with
/// rejects → cycle → Tikkie in the sandbox → SMS in the outbox → the parent pays → notification →
/// invoice paid → later cycles take a parent who does not pay through every step.
/// </summary>
public sealed class DunningScenarioTests
{
    private static readonly DateOnly Start = new(2016, 10, 3);
    private static readonly DateOnly DueDate = new(2016, 10, 10);

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DailyJob_RunsEndToEndOnRealPain002(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var app = await TestWebApp.StartAsync(Start, provider);
        var (debtors, invoices) = LedgerFixtures.Pain002Ledger(DueDate);

        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(debtors))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(invoices))).Success);

        var export = await app.RunAsync(s => s.GetRequiredService<ExportDirectDebits>().RunAsync(DueDate, null, Pain008Version.V02, CancellationToken.None));
        Assert.Equal(4, export.Count);
        Assert.True(File.Exists(export.Path));
        var endToEndIds = await app.QueryAsync(db => db.Collections.OrderBy(c => c.EndToEndId).Select(c => c.EndToEndId).ToListAsync());
        Assert.Equal(["E2EID1", "E2EID2", "E2EID3", "E2EID4"], endToEndIds);

        var report = await app.RunAsync(s => s.ImportBankFileAsync(TestPaths.Sample("pain002/oca-boi-pain002v03-dd-rejects.xml")));
        Assert.Equal(0, report.Unmatched);
        Assert.Equal(new Dictionary<string, int> { ["AC01"] = 1, ["AM04"] = 1, ["MD06"] = 1, ["MS02"] = 1 }, report.ReturnsByReason);

        app.SetToday(DueDate.AddDays(1));
        var first = await RunCycleAsync(app, DueDate.AddDays(1));
        Assert.Equal(3, first.Cycle.DecisionsByStep["failed-direct-debit"]);
        Assert.Equal(1, first.Cycle.DecisionsByStep["switch-to-manual-payment"]);
        Assert.Equal(3, first.Dispatch.Sent);

        // AC01 (wrong account) cannot be collected again: manual payment and a case for a person.
        var debtor1 = await app.QueryAsync(db => db.Debtors.SingleAsync(d => d.DebtorNumber == "DEB1"));
        Assert.Equal(PaymentMethod.Transfer, debtor1.PaymentMethod);
        Assert.True(await app.QueryAsync(db => db.WorkItems.AnyAsync(w => w.DebtorId == debtor1.Id && w.Queue == "returns")));

        // AM04: the Tikkie exists in the sandbox for the invoice amount, and its link went out by SMS.
        var request = await app.QueryAsync(db => db.PaymentRequests.SingleAsync(r => r.InvoiceNumbers == "E2EID4"));
        var atTikkie = await app.RunAsync(s => s.GetRequiredService<TikkieClient>().GetPaymentRequestAsync(request.Token!, CancellationToken.None));
        Assert.Equal(100_00, atTikkie.AmountInCents);
        Assert.Equal(PaymentRequestStatus.Open, atTikkie.Status);
        var sms = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.PaymentRequestId == request.Id));
        Assert.Equal(MessageChannel.Sms, sms.Channel);
        var smsFile = Path.Combine(app.DataDirectory, "outbox", "sms", $"tijdig-{sms.Id}.json");
        Assert.Contains(atTikkie.Url, await File.ReadAllTextAsync(smsFile));

        // The parent pays on the sandbox page; the notification books the payment.
        using var http = app.CreateClient();
        var pay = await http.PostAsync(new Uri(atTikkie.Url).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["bank"] = "ABNA" }));
        Assert.True(pay.IsSuccessStatusCode, await pay.Content.ReadAsStringAsync());
        var paid = await WaitForAsync(app, db => db.Invoices.SingleAsync(i => i.InvoiceNumber == "E2EID4"), i => i.OpenCents == 0);
        Assert.True(paid.OpenCents == 0, "Not booked; sandbox notifications: " + await http.GetStringAsync("/tikkie-sandbox/control/notifications") + Environment.NewLine + app.Log.WarningsAndErrors());
        Assert.True(await app.QueryAsync(db => db.Payments.AnyAsync(p => p.Source == PaymentSource.Tikkie && p.DebtorId == paid.DebtorId)));

        // The same date again sends nothing twice.
        var again = await RunCycleAsync(app, DueDate.AddDays(1));
        Assert.Equal(0, again.Cycle.MessagesQueued);

        // DEB2 (MS02) does not pay: reminder, stricter reminder, last chance, termination.
        var steps = new (int Days, string Step)[] { (7, "reminder-1"), (21, "reminder-2"), (35, "last-chance"), (35 + 14 + 7, "termination") };
        foreach (var (days, step) in steps)
        {
            var date = DueDate.AddDays(days);
            app.SetToday(date);
            await RunCycleAsync(app, date);
            var messages = await app.QueryAsync(db => db.Outbox
                .Where(m => m.BusinessDate == date)
                .Join(db.Debtors, m => m.DebtorId, d => d.Id, (m, d) => new { d.DebtorNumber, m.Step, m.Status })
                .ToListAsync());
            Assert.Contains(messages, m => m.DebtorNumber == "DEB2" && m.Step == step && m.Status == MessageStatus.Sent);
            Assert.DoesNotContain(messages, m => m.DebtorNumber == "DEB4");
        }

        var claim = await app.QueryAsync(db => db.AgencyClaims.Join(db.Debtors, c => c.DebtorId, d => d.Id, (c, d) => new { c, d.DebtorNumber }).SingleAsync(x => x.DebtorNumber == "DEB2"));
        Assert.Equal(100_00, claim.c.PrincipalCents);
        Assert.Equal(40_00, claim.c.CollectionCostsCents);
        Assert.Equal(ClaimStatus.Created, claim.c.Status);
        var contract = await app.QueryAsync(db => db.Contracts.SingleAsync(c => c.ContractNumber == "C2"));
        Assert.Equal(ContractStatus.MarkedForTermination, contract.Status);
    }

    private static Task<DailyCycleResult> RunCycleAsync(TestWebApp app, DateOnly date) =>
        app.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(date, dispatch: true, CancellationToken.None));

    private static async Task<T> WaitForAsync<T>(TestWebApp app, Func<TijdigDbContext, Task<T>> query, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var value = await app.QueryAsync(query);
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
