using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Demo;

public sealed record DemoSummary(int Debtors, int Invoices, int Returns, int ManualPayers);

/// <summary>
/// Creates a demo childcare organisation whose data, dated relative to a business date, exercise
/// every trigger of the default policy on the first cycle: pre-reminders, failed direct debits
/// (retryable and not), and each arrears step up to termination. The data is generated from a
/// fixed seed, so two runs on the same date give the same ledger.
/// </summary>
public static class DemoData
{
    private static readonly string[] FirstNames =
        ["Sanne", "Daan", "Fatima", "Mohammed", "Lotte", "Bram", "Noor", "Sem", "Zoë", "Thijs", "Emma", "Youssef", "Anouk", "Lucas", "Iris", "Mila", "Jesse", "Sara", "Ruben", "Eva"];

    private static readonly string[] LastNames =
        ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "El Amrani", "Yılmaz", "van Dijk", "Dekker", "Brouwer", "de Wit", "Dijkstra"];

    private static readonly string[] Banks = ["ABNA", "INGB", "RABO", "TRIO", "BUNQ", "KNAB", "ASNB", "SNSB"];

    private static readonly string[] Streets =
        ["Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Beukenlaan", "Julianastraat", "Lindelaan", "Stationsweg", "Vlinderhof", "Nieuwe Gracht"];

    /// <summary>Cities with the first four digits of one of their postcodes, spread over both agencies' ranges.</summary>
    private static readonly (string City, int Postcode)[] Places =
        [("Utrecht", 3511), ("Amsterdam", 1012), ("Rotterdam", 3011), ("Eindhoven", 5611), ("Groningen", 9711), ("Zwolle", 8011), ("Nijmegen", 6511), ("Haarlem", 2011), ("Breda", 4811), ("Tilburg", 5038)];

    // Letter pairs as in real Dutch postcodes, which never use SA, SD or SS.
    private static readonly string[] PostcodeLetters = ["AB", "BC", "CD", "EK", "GH", "JL", "KM", "NP", "RT", "VW"];

    public static async Task<DemoSummary> SeedAsync(TijdigDbContext db, DateOnly today, int debtorCount, CancellationToken ct)
    {
        if (await db.Debtors.AnyAsync(ct))
        {
            throw new UsageException("De database bevat al debiteuren; demodata wordt alleen in een lege database gezet.");
        }

        var random = new Random(20261204);
        var debtors = Enumerable.Range(0, debtorCount).Select(i => NewDebtor(i, random)).ToList();
        db.Debtors.AddRange(debtors);
        await db.SaveChangesAsync(ct);

        var invoices = new List<Invoice>();
        var returned = new List<(Debtor Debtor, Invoice Invoice, string Reason)>();
        var returns = 0;
        var manual = 0;
        var sequence = 1;
        foreach (var (debtor, index) in debtors.Select((d, i) => (d, i)))
        {
            var monthly = 450_00 + random.Next(0, 95_000);

            // Two earlier months, paid on time: they give the DSO its history.
            for (var month = 2; month >= 1; month--)
            {
                var paid = NewInvoice(debtor, today.AddMonths(-month).AddDays(-10), monthly, ref sequence);
                paid.OpenCents = 0;
                paid.PaidOn = paid.DueDate;
                invoices.Add(paid);
            }

            var scenario = Scenario(index, debtor.PaymentMethod);
            var current = NewInvoice(debtor, today.AddDays(-scenario.DaysPastDue), monthly, ref sequence);
            current.DunningLevel = scenario.Level;
            if (scenario.Level >= 3)
            {
                // Long enough ago that the statutory term (from presumed receipt) and the grace period have run.
                current.LastChanceSentOn = today.AddDays(-30);
            }

            invoices.Add(current);
            if (scenario.ReturnReason is { } reason)
            {
                returns++;
                manual += reason == "AM04" ? 0 : 1;
                returned.Add((debtor, current, reason));
            }
        }

        // Before the payments are booked: the history moves the paid day of late payers.
        var history = DemoHistory.Write(invoices.Where(i => i.PaidOn is not null).ToList(), today);
        db.Invoices.AddRange(invoices);
        await db.SaveChangesAsync(ct);
        db.Outbox.AddRange(history);
        db.Collections.AddRange(returned.Select(r => ReturnedCollection(r.Debtor, r.Invoice, r.Reason, today)));

        foreach (var paid in invoices.Where(i => i.PaidOn is not null))
        {
            db.Payments.Add(new Payment
            {
                Source = SourceOf(paid),
                ExternalReference = "demo:" + paid.InvoiceNumber,
                DebtorId = paid.DebtorId,
                BookingDate = paid.PaidOn!.Value,
                AmountCents = paid.AmountCents,
                Allocations = [new Allocation { InvoiceId = paid.Id, AmountCents = paid.AmountCents }],
            });
        }

        await db.SaveChangesAsync(ct);
        return new DemoSummary(debtors.Count, invoices.Count, returns, manual);
    }

    /// <summary>On the due date the collection or the parent's transfer paid; later, the reminder's SMS Tikkie did.</summary>
    private static PaymentSource SourceOf(Invoice paid)
    {
        if (paid.PaidOn != paid.DueDate)
        {
            return PaymentSource.Tikkie;
        }

        return paid.Debtor!.PaymentMethod == PaymentMethod.DirectDebit ? PaymentSource.DirectDebit : PaymentSource.BankTransfer;
    }

    private sealed record DemoScenario(int DaysPastDue, int Level, string? ReturnReason);

    /// <summary>Spreads the triggers over the debtors; most debtors are simply not due yet.</summary>
    private static DemoScenario Scenario(int index, PaymentMethod method)
    {
        if (method == PaymentMethod.Transfer)
        {
            return (index / 12 % 3) switch
            {
                0 => new DemoScenario(-3, 0, null),
                1 => new DemoScenario(-10, 0, null),
                _ => new DemoScenario(8, 0, null),
            };
        }

        return (index % 25) switch
        {
            1 or 13 => new DemoScenario(2, 0, "AM04"),
            3 => new DemoScenario(2, 0, index % 2 == 0 ? "AC04" : "MD01"),
            5 => new DemoScenario(7, 0, null),
            7 => new DemoScenario(22, 1, null),
            9 => new DemoScenario(36, 2, null),
            11 => new DemoScenario(60, 3, null),
            _ => new DemoScenario(-5, 0, null),
        };
    }

    private static Debtor NewDebtor(int index, Random random)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var number = "D" + (10000 + index).ToString(CultureInfo.InvariantCulture);
        var account = random.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var iban = Iban.Create("NL", Banks[random.Next(Banks.Length)] + account).Value;
        var transfer = index % 12 == 0;
        var emailName = new string(first.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());

        return new Debtor
        {
            DebtorNumber = number,
            Name = $"{first} {last}",
            Email = $"{emailName}.{index.ToString(CultureInfo.InvariantCulture)}@example.nl",

            // Every tenth parent has no mobile number on file, so the e-mail fallback is exercised too.
            Mobile = index % 10 == 9 ? null : "+3161" + (2_000_000 + index).ToString("D7", CultureInfo.InvariantCulture),
            Iban = iban,

            // The address comes from the index and takes nothing from the random sequence, so the rest
            // of the demo data is the same as without addresses.
            Street = $"{Streets[index % Streets.Length]} {(index * 7 % 150) + 1}",
            Postcode = Postcode(index),
            City = Places[index / Streets.Length % Places.Length].City,
            MandateId = transfer ? null : "MDT-" + number,
            MandateSignatureDate = transfer ? null : new DateOnly(2024, 1, 1).AddDays(index),
            PaymentMethod = transfer ? PaymentMethod.Transfer : PaymentMethod.DirectDebit,
            Language = index % 7 == 0 ? "en" : "nl",
            Contracts = [new Contract { ContractNumber = "C" + number[1..], Description = "Dagopvang", StartDate = new DateOnly(2024, 1, 1) }],
        };
    }

    private static string Postcode(int index)
    {
        var digits = Places[index / Streets.Length % Places.Length].Postcode + (index % 7);
        return string.Create(CultureInfo.InvariantCulture, $"{digits} {PostcodeLetters[index % PostcodeLetters.Length]}");
    }

    private static Invoice NewInvoice(Debtor debtor, DateOnly dueDate, long cents, ref int sequence)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"{dueDate.Year}-{sequence:D5}");
        sequence++;
        return new Invoice
        {
            InvoiceNumber = number,
            DebtorId = debtor.Id,
            Debtor = debtor,
            IssueDate = dueDate.AddDays(-14),
            DueDate = dueDate,
            AmountCents = cents,
            OpenCents = cents,
            PaymentReference = PaymentReference.Create(1_000_000_000 + sequence),
        };
    }

    private static DirectDebitCollection ReturnedCollection(Debtor debtor, Invoice invoice, string reason, DateOnly today) => new()
    {
        InvoiceId = invoice.Id,
        DebtorId = debtor.Id,
        Attempt = 1,
        MessageId = "DEMO-" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        PaymentInformationId = "DEMO-" + today.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-1",
        EndToEndId = invoice.InvoiceNumber,
        MandateId = debtor.MandateId!,
        CollectionDate = invoice.DueDate,
        AmountCents = invoice.AmountCents,
        Status = CollectionStatus.Returned,
        ReasonCode = reason,
        ReturnedOn = today.AddDays(-1),
    };
}
