using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Tests.Writing;

/// <summary>Valid direct debit batches to write in tests.</summary>
internal static class Batches
{
    public const string CreditorIban = "NL91ABNA0417164300";
    public const string CreditorId = "NL51ZZZ405365330000";

    public static DirectDebitTransaction Transaction(int number, DateOnly? date = null, SequenceType sequence = SequenceType.Recurring, string? bic = "INGBNL2A") => new(
        EndToEndId: $"INV-2025-{number:D5}-1",
        Amount: 100m + number % 100 + 0.25m,
        CollectionDate: date ?? new DateOnly(2025, 3, 3),
        SequenceType: sequence,
        MandateId: $"MNDT-{number:D5}",
        MandateSignatureDate: new DateOnly(2024, 8, 1),
        DebtorName: "Zoë Müller-Straße & Søn",
        DebtorIban: "NL20INGB0001234567",
        DebtorBic: bic,
        RemittanceInformation: $"Factuur {number} kinderopvang februari");

    public static DirectDebitBatch Of(IReadOnlyList<DirectDebitTransaction> transactions, string messageId = "TIJDIG-20250301-0001") => new(
        messageId,
        new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)),
        "Kinderopvang De Eekhoorn B.V.",
        CreditorIban,
        "ABNANL2A",
        CreditorId,
        transactions);

    public static DirectDebitBatch Mixed() => Of(
    [
        Transaction(1),
        Transaction(2, sequence: SequenceType.First, bic: null),
        Transaction(3),
        Transaction(4, date: new DateOnly(2025, 3, 4)) with
        {
            Amendment = new MandateAmendment("MNDT-OLD-4", "NL51ZZZ405365330000", "NL69ABNA0522123643"),
        },
        Transaction(5, date: new DateOnly(2025, 3, 4)) with { LocalInstrument = "B2B" },
    ]);
}
