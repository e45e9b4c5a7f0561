using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning.Replay;

/// <summary>
/// A ledger with a known history for the replay. Sixty debtors have one invoice of € 120,00 due on
/// 1 September 2026. R01-R20 pay on time (R20 in two halves). R21-R60 get reminder-1 by SMS and
/// e-mail on 8 September, and R21-R45 pay on the 10th. R46-R60 get reminder-2 by SMS on the 22nd, and
/// R46-R50 pay on the 23rd. R51-R60 get the 14-day letter on 6 October and never pay. R21-R30 are
/// late payers. R01 also has an invoice due in May, outside a six-month window up to 1 December.
/// </summary>
public static class ReplaySeed
{
    public static readonly DateOnly Due = new(2026, 9, 1);

    public static readonly DateOnly WindowEnd = new(2026, 12, 1);

    public static string Number(int i) => "R" + i.ToString("D2", CultureInfo.InvariantCulture);

    public static async Task WriteAsync(IServiceProvider services)
    {
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).Append('\n');
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).Append('\n');
        for (var i = 1; i <= 60; i++)
        {
            debtors.Append(CultureInfo.InvariantCulture, $"{Number(i)},Ouder {i},ouder{i}@example.nl,06123452{i:D2},,,,,Transfer,nl,RC{i}\n");
            invoices.Append(CultureInfo.InvariantCulture, $"F-{Number(i)},{Number(i)},{Due.AddDays(-14):yyyy-MM-dd},{Due:yyyy-MM-dd},120.00,\n");
        }

        invoices.Append("F-OLD,R01,2026-04-15,2026-05-01,80.00,\n");
        Assert.True((await services.ImportDebtorsAsync(debtors.ToString())).Success);
        Assert.True((await services.ImportInvoicesAsync(invoices.ToString())).Success);

        var db = services.GetRequiredService<TijdigDbContext>();
        await db.Debtors.Where(d => string.Compare(d.DebtorNumber, "R21") >= 0 && string.Compare(d.DebtorNumber, "R30") <= 0)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.DunningSegment, "late-payer"));
        var ids = await db.Invoices.Join(db.Debtors, i => i.DebtorId, d => d.Id, (i, d) => new { i.Id, i.InvoiceNumber, i.DebtorId, d.DebtorNumber })
            .ToDictionaryAsync(r => r.InvoiceNumber);

        for (var i = 1; i <= 60; i++)
        {
            var invoice = ids["F-" + Number(i)];
            if (i == 20)
            {
                Pay(db, invoice.DebtorId, invoice.Id, Due.AddDays(-3), 60_00, "a");
                Pay(db, invoice.DebtorId, invoice.Id, Due.AddDays(-1), 60_00, "b");
            }
            else if (i < 20)
            {
                Pay(db, invoice.DebtorId, invoice.Id, Due.AddDays(-1), 120_00, "a");
            }

            if (i >= 21)
            {
                Message(db, invoice.DebtorId, invoice.InvoiceNumber, "reminder-1", MessageChannel.Sms, Due.AddDays(7));
                Message(db, invoice.DebtorId, invoice.InvoiceNumber, "reminder-1", MessageChannel.Email, Due.AddDays(7));
            }

            if (i is >= 21 and <= 45)
            {
                Pay(db, invoice.DebtorId, invoice.Id, Due.AddDays(9), 120_00, "a");
            }

            if (i >= 46)
            {
                Message(db, invoice.DebtorId, invoice.InvoiceNumber, "reminder-2", MessageChannel.Sms, Due.AddDays(21));
            }

            if (i is >= 46 and <= 50)
            {
                Pay(db, invoice.DebtorId, invoice.Id, Due.AddDays(22), 120_00, "a");
            }

            if (i >= 51)
            {
                Message(db, invoice.DebtorId, invoice.InvoiceNumber, "last-chance", MessageChannel.Letter, Due.AddDays(35));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The configured policy with reminder-1 four days earlier, as a candidate file would hold it.</summary>
    public static string EarlierReminderCandidate()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Tijdig", "appsettings.json")))!;
        var policy = settings["Dunning"]!.AsObject();
        policy.Remove("Versions");
        policy.Remove("Experiments");
        policy["Version"] = "vroeg";
        policy["Steps"]![0]!["DaysPastDue"] = 3;
        return policy.ToJsonString();
    }

    private static void Pay(TijdigDbContext db, long debtorId, long invoiceId, DateOnly on, long cents, string suffix) =>
        db.Payments.Add(new Payment
        {
            DebtorId = debtorId,
            Source = PaymentSource.BankTransfer,
            ExternalReference = string.Create(CultureInfo.InvariantCulture, $"replay-{invoiceId}-{suffix}"),
            BookingDate = on,
            AmountCents = cents,
            Allocations = [new Allocation { InvoiceId = invoiceId, AmountCents = cents }],
        });

    private static void Message(TijdigDbContext db, long debtorId, string invoiceNumber, string step, MessageChannel channel, DateOnly on) =>
        db.Outbox.Add(new OutboxMessage
        {
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{debtorId}:{step}:{channel}:{on:yyyy-MM-dd}"),
            DebtorId = debtorId,
            Channel = channel,
            Step = step,
            BusinessDate = on,
            AmountCents = 120_00,
            InvoiceNumbers = invoiceNumber,
            Status = MessageStatus.Sent,
            PolicyVersion = "2026-01",
            CreatedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        });
}
