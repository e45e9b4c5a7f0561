using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;

namespace Tijdig.Tests.Web;

/// <summary>
/// A small ledger with dates relative to the business date, so that every dashboard list and every
/// ageing bucket except 61–90 days has a known row. The totals the pages must show are computed by hand below.
/// </summary>
public sealed record WebSeed(DateOnly Today, Debtor Overdue, Debtor LongOverdue, Debtor WithoutInvoices)
{
    /// <summary>450,00 + 125,50 + 450,00 + 987,65 open.</summary>
    public const string OpenBalance = "€ 2.013,15";

    /// <summary>450,00 (10 days) + 125,50 (45 days) + 987,65 (100 days) overdue.</summary>
    public const string OverdueBalance = "€ 1.563,15";

    public const int OverdueCount = 3;

    public const string PaymentLink = "http://127.0.0.1:9/pay/tijdig-test";

    public static async Task<WebSeed> WriteAsync(TijdigDbContext db, DateOnly today)
    {
        var overdue = new Debtor { DebtorNumber = "100231", Name = "Familie de Vries", PaymentMethod = PaymentMethod.DirectDebit, MandateId = "MANDATE-100231" };
        var longOverdue = new Debtor { DebtorNumber = "100232", Name = "Sanne Jansen", PaymentMethod = PaymentMethod.Transfer };
        var withoutInvoices = new Debtor { DebtorNumber = "100233", Name = "Familie Bakker", PaymentMethod = PaymentMethod.Transfer };
        db.Debtors.AddRange(overdue, longOverdue, withoutInvoices);
        await db.SaveChangesAsync();

        var tenDays = Invoice(overdue, "F-2026-0101", today.AddDays(-10), 45_000, 45_000, dunningLevel: 1);
        var partlyPaid = Invoice(overdue, "F-2026-0102", today.AddDays(-45), 30_000, 12_550, dunningLevel: 2);
        var notDue = Invoice(overdue, "F-2026-0103", today.AddDays(5), 45_000, 45_000, dunningLevel: 0);
        var hundredDays = Invoice(longOverdue, "F-2026-0104", today.AddDays(-100), 98_765, 98_765, dunningLevel: 3);
        var paid = Invoice(longOverdue, "F-2026-0105", today.AddDays(-70), 20_000, 0, dunningLevel: 0);
        paid.PaidOn = today.AddDays(-69);
        db.Invoices.AddRange(tenDays, partlyPaid, notDue, hundredDays, paid);
        await db.SaveChangesAsync();

        var transfer = new Payment
        {
            DebtorId = overdue.Id,
            Source = PaymentSource.BankTransfer,
            ExternalReference = "bank-entry-1",
            BookingDate = today.AddDays(-40),
            AmountCents = 17_450,
            CounterpartyName = "M. de Vries",
        };
        transfer.Allocations.Add(new Allocation { InvoiceId = partlyPaid.Id, AmountCents = 17_450 });
        db.Payments.Add(transfer);

        db.Collections.Add(new DirectDebitCollection
        {
            InvoiceId = tenDays.Id,
            DebtorId = overdue.Id,
            Attempt = 1,
            MessageId = "MSG-1",
            PaymentInformationId = "PMT-1",
            EndToEndId = "E2E-F-2026-0101-1",
            MandateId = "MANDATE-100231",
            CollectionDate = today.AddDays(-10),
            AmountCents = 45_000,
            Status = CollectionStatus.Returned,
            ReasonCode = "AM04",
            ReturnedOn = today.AddDays(-8),
        });

        db.Outbox.Add(new OutboxMessage
        {
            IdempotencyKey = $"{overdue.Id}:reminder-1:Sms:{today.AddDays(-3):yyyy-MM-dd}",
            DebtorId = overdue.Id,
            Channel = MessageChannel.Sms,
            Step = "reminder-1",
            BusinessDate = today.AddDays(-3),
            AmountCents = 57_550,
            InvoiceNumbers = "F-2026-0101,F-2026-0102",
            PaymentLink = PaymentLink,
            Status = MessageStatus.Sent,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

        var import = new BankImport { FileName = "camt053-test.xml", Sha256 = "00", MessageKind = "camt.053", MessageId = "STMT-1" };
        db.BankImports.Add(import);
        await db.SaveChangesAsync();

        db.BankTransactions.Add(new BankTransaction
        {
            BankImportId = import.Id,
            EntryKey = "entry-unmatched-1",
            BookingDate = today.AddDays(-2),
            AmountCents = 6_789,
            CounterpartyName = "J. Pietersen",
            RemittanceInformation = "opvang november Noor",
            Outcome = MatchOutcome.Unmatched,
        });

        db.WorkItems.Add(new WorkItem
        {
            Queue = "returns",
            DebtorId = overdue.Id,
            Description = "Incasso F-2026-0101 teruggekomen (AM04): bel de ouder.",
            CreatedOn = today.AddDays(-8),
            Key = "return:test-1",
        });
        await db.SaveChangesAsync();

        return new WebSeed(today, overdue, longOverdue, withoutInvoices);
    }

    private static Invoice Invoice(Debtor debtor, string number, DateOnly dueDate, long amountCents, long openCents, int dunningLevel) => new()
    {
        InvoiceNumber = number,
        DebtorId = debtor.Id,
        IssueDate = dueDate.AddDays(-14),
        DueDate = dueDate,
        AmountCents = amountCents,
        OpenCents = openCents,
        PaymentReference = "10000000000" + number[^4..] + "0",
        DunningLevel = dunningLevel,
    };
}
