using System.Globalization;

namespace Tijdig.Sepa.Writing;

/// <summary>
/// Writes a SEPA direct debit initiation (pain.008.001.02 or .08) for Dutch banks, streaming with
/// <see cref="Utf8XmlOutput"/>. Collections are grouped into one PmtInf per (collection date, sequence type,
/// local instrument), in order of first appearance. Names and remittance text are transliterated to the
/// SEPA Latin set and cut to the EPC lengths (70 and 140).
/// </summary>
public static class Pain008Writer
{
    private const string NotProvided = "NOTPROVIDED";
    private const int MaxRemittanceLength = 140;

    /// <summary>Validates the batch and writes it to <paramref name="output"/> as UTF-8 without a byte order mark.</summary>
    /// <exception cref="ArgumentException">
    /// The batch is invalid: no transactions, a bad identifier, IBAN, BIC or creditor identifier, an amount
    /// that is not positive or has more than two decimals, a collection date that is not a TARGET2 business
    /// day, or a duplicate EndToEndId. Nothing is written in that case.
    /// </exception>
    public static Pain008WriteResult Write(Stream output, DirectDebitBatch batch, Pain008Version version = Pain008Version.V02)
    {
        ArgumentNullException.ThrowIfNull(output);
        Pain008Validator.Validate(batch);

        var groups = Group(batch);
        using (var writer = new Utf8XmlOutput(output))
        {
            var xml = new Pain008Xml(writer, version);
            xml.Write(batch, groups);
        }

        var written = groups.Select(g => new WrittenPaymentInformation(
            g.Id,
            g.CollectionDate,
            g.SequenceType,
            g.LocalInstrument,
            g.Transactions.Count,
            g.ControlSum,
            g.Transactions.Select(t => t.EndToEndId).ToList())).ToList();

        return new Pain008WriteResult(batch.MessageId, batch.Transactions.Count, groups.Sum(g => g.ControlSum), written);
    }

    private static List<PaymentGroup> Group(DirectDebitBatch batch)
    {
        // Counted first, so that each group's list is allocated once at its size instead of growing
        // by copies, which for 100,000 collections in one group kept the garbage collector busy.
        var counts = new Dictionary<(DateOnly, SequenceType, string), int>();
        foreach (var tx in batch.Transactions)
        {
            var key = (tx.CollectionDate, tx.SequenceType, tx.LocalInstrument);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var groups = new List<PaymentGroup>(counts.Count);
        var index = new Dictionary<(DateOnly, SequenceType, string), PaymentGroup>(counts.Count);
        foreach (var tx in batch.Transactions)
        {
            var key = (tx.CollectionDate, tx.SequenceType, tx.LocalInstrument);
            if (!index.TryGetValue(key, out var group))
            {
                group = new PaymentGroup(PaymentInformationId(batch.MessageId, groups.Count + 1), tx.CollectionDate, tx.SequenceType, tx.LocalInstrument, counts[key]);
                index.Add(key, group);
                groups.Add(group);
            }

            group.Transactions.Add(tx);
            group.ControlSum += tx.Amount;
        }

        return groups;
    }

    /// <summary>MsgId plus "-n", with MsgId shortened so that the result stays within 35 characters.</summary>
    internal static string PaymentInformationId(string messageId, int number)
    {
        var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
        var prefix = messageId.Length + suffix.Length > SepaText.MaxIdentifierLength
            ? messageId[..(SepaText.MaxIdentifierLength - suffix.Length)]
            : messageId;
        return prefix + suffix;
    }

    internal static string SequenceCode(SequenceType type) => type switch
    {
        SequenceType.First => "FRST",
        SequenceType.Recurring => "RCUR",
        SequenceType.Final => "FNAL",
        SequenceType.OneOff => "OOFF",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown sequence type."),
    };

    internal static string Remittance(string text) => SepaText.Transliterate(text, MaxRemittanceLength);

    internal static string Name(string text) => SepaText.Transliterate(text, SepaText.MaxNameLength);

    internal static string NotProvidedId => NotProvided;

    internal sealed class PaymentGroup(string id, DateOnly collectionDate, SequenceType sequenceType, string localInstrument, int capacity = 0)
    {
        public string Id { get; } = id;
        public DateOnly CollectionDate { get; } = collectionDate;
        public SequenceType SequenceType { get; } = sequenceType;
        public string LocalInstrument { get; } = localInstrument;
        public List<DirectDebitTransaction> Transactions { get; } = new(capacity);
        public decimal ControlSum { get; set; }
    }
}
