using System.Globalization;
using Tijdig.Sepa.Calendar;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Sepa.Writing;

/// <summary>
/// Checks a batch before anything is written. The writer is fed by code, so a bad value is a bug
/// in the caller and throws <see cref="ArgumentException"/> naming the transaction and value.
/// </summary>
internal static class Pain008Validator
{
    public static void Validate(DirectDebitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        Identifier(batch.MessageId, "MessageId");
        if (!(batch.Transactions is { Count: > 0 }))
        {
            Fail("The batch has no transactions; a pain.008 needs at least one.");
        }

        if (string.IsNullOrWhiteSpace(batch.CreditorName))
        {
            Fail("CreditorName is empty.");
        }

        if (!Iban.IsValid(batch.CreditorIban))
        {
            Fail("CreditorIban is not a valid IBAN (wrong length for its country or wrong check digits); the IBAN itself is left out of this message.");
        }

        if (!(batch.CreditorBic is null || Bic.IsValid(batch.CreditorBic)))
        {
            Fail($"CreditorBic '{batch.CreditorBic}' is invalid.");
        }

        if (!CreditorIdentifier.IsValid(batch.CreditorId))
        {
            Fail($"CreditorId '{batch.CreditorId}' is invalid: {CreditorIdentifier.Validate(batch.CreditorId).Error?.Message}");
        }

        var endToEndIds = new HashSet<string>(batch.Transactions.Count, StringComparer.Ordinal);
        DateOnly? businessDay = null;
        for (var i = 0; i < batch.Transactions.Count; i++)
        {
            var tx = batch.Transactions[i];
            // The location text is built only when a check fails, because this loop runs for every collection.
            var where = new Location(i, tx.EndToEndId);
            Transaction(tx, where, tx.CollectionDate == businessDay);
            businessDay = tx.CollectionDate;
            if (!endToEndIds.Add(tx.EndToEndId))
            {
                Fail($"{where}: EndToEndId is used twice in the batch; it must be unique per collection.");
            }
        }
    }

    /// <summary>Checks one collection. <paramref name="dateChecked"/> is true when its collection date was already found to be a business day.</summary>
    private static void Transaction(DirectDebitTransaction tx, Location where, bool dateChecked)
    {
        Identifier(tx.EndToEndId, where, "EndToEndId");
        Identifier(tx.MandateId, where, "MandateId");
        if (!(tx.Amount > 0))
        {
            Fail($"{where}: Amount {Format(tx.Amount)} must be greater than zero.");
        }

        if (!(tx.Amount == decimal.Round(tx.Amount, 2)))
        {
            Fail($"{where}: Amount {Format(tx.Amount)} has more than two decimals.");
        }

        if (!(tx.Amount <= 999_999_999.99m))
        {
            Fail($"{where}: Amount {Format(tx.Amount)} exceeds the SEPA maximum of 999999999.99.");
        }

        if (!dateChecked && !Target2Calendar.IsBusinessDay(tx.CollectionDate))
        {
            Fail($"{where}: CollectionDate {tx.CollectionDate:yyyy-MM-dd} is not a TARGET2 business day; the next one is {Target2Calendar.NextBusinessDay(tx.CollectionDate):yyyy-MM-dd}.");
        }

        if (!(tx.MandateSignatureDate <= tx.CollectionDate))
        {
            Fail($"{where}: MandateSignatureDate {tx.MandateSignatureDate:yyyy-MM-dd} is after the collection date.");
        }

        if (string.IsNullOrWhiteSpace(tx.DebtorName))
        {
            Fail($"{where}: DebtorName is empty.");
        }

        if (!HasWritableCharacter(tx.DebtorName))
        {
            Fail($"{where}: DebtorName has no character the SEPA character set can carry, so <Nm> would be empty and the schema rejects it; record the name in Latin letters.");
        }

        if (!Iban.IsValid(tx.DebtorIban))
        {
            Fail($"{where}: DebtorIban is not a valid IBAN (wrong length for its country or wrong check digits); the IBAN itself is left out of this message.");
        }

        if (!(tx.DebtorBic is null || Bic.IsValid(tx.DebtorBic)))
        {
            Fail($"{where}: DebtorBic '{tx.DebtorBic}' is invalid.");
        }

        if (!(tx.LocalInstrument is "CORE" or "B2B"))
        {
            Fail($"{where}: LocalInstrument '{tx.LocalInstrument}' must be CORE or B2B.");
        }

        if (tx.Amendment is { } amendment)
        {
            if (!(amendment.OriginalMandateId is not null || amendment.OriginalCreditorId is not null || amendment.OriginalDebtorIban is not null))
            {
                Fail($"{where}: Amendment has no original value.");
            }

            if (amendment.OriginalMandateId is not null)
            {
                Identifier(amendment.OriginalMandateId, where, "Amendment.OriginalMandateId");
            }

            if (!(amendment.OriginalCreditorId is null || CreditorIdentifier.IsValid(amendment.OriginalCreditorId)))
            {
                Fail($"{where}: Amendment.OriginalCreditorId '{amendment.OriginalCreditorId}' is invalid.");
            }

            if (!(amendment.OriginalDebtorIban is null || Iban.IsValid(amendment.OriginalDebtorIban)))
            {
                Fail($"{where}: Amendment.OriginalDebtorIban is invalid.");
            }
        }
    }

    private static void Identifier(string value, string name)
    {
        var problem = SepaText.CheckIdentifier(value);
        if (problem is not null)
        {
            Fail($"{name} '{value}' {problem}.");
        }
    }

    private static void Identifier(string value, Location where, string name)
    {
        var problem = SepaText.CheckIdentifier(value);
        if (problem is not null)
        {
            Fail($"{where}: {name} '{value}' {problem}.");
        }
    }

    private readonly record struct Location(int Index, string EndToEndId)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"Transactions[{Index}] (EndToEndId '{EndToEndId}')");
    }

    private static void Fail(string message) => throw new ArgumentException(message);

    /// <summary>
    /// Tells whether the transliterated name keeps a character. A Latin letter or digit settles it
    /// cheaply; only names without one (such as a name in another script) are transliterated.
    /// </summary>
    private static bool HasWritableCharacter(string name) =>
        name.AsSpan().IndexOfAny(LatinLettersAndDigits) >= 0
        || !string.IsNullOrWhiteSpace(SepaText.Transliterate(name, 70));

    private static readonly System.Buffers.SearchValues<char> LatinLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private static string Format(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
