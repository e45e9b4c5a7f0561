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
            new EndToEndIdList(g.Transactions))).ToList();

        return new Pain008WriteResult(batch.MessageId, batch.Transactions.Count, groups.Sum(g => g.ControlSum), written);
    }

    private static List<PaymentGroup> Group(DirectDebitBatch batch)
    {
        // Counted first, so that each group's list is allocated once at its size instead of growing
        // by copies, which for 100,000 collections in one group kept the garbage collector busy.
        // Neighbouring collections mostly share their group, so the previous key is tried first.
        var counts = new Dictionary<GroupKey, int>();
        GroupKey? previous = null;
        var run = 0;
        foreach (var tx in batch.Transactions)
        {
            var key = new GroupKey(tx.CollectionDate, tx.SequenceType, tx.LocalInstrument);
            if (previous is { } last && last.Equals(key))
            {
                run++;
                continue;
            }

            if (previous is { } ended)
            {
                counts[ended] = counts.GetValueOrDefault(ended) + run;
            }

            previous = key;
            run = 1;
        }

        if (previous is { } final)
        {
            counts[final] = counts.GetValueOrDefault(final) + run;
        }

        var groups = new List<PaymentGroup>(counts.Count);
        var index = new Dictionary<GroupKey, PaymentGroup>(counts.Count);
        PaymentGroup? current = null;
        foreach (var tx in batch.Transactions)
        {
            var key = new GroupKey(tx.CollectionDate, tx.SequenceType, tx.LocalInstrument);
            if (current is null || !current.Key.Equals(key))
            {
                if (!index.TryGetValue(key, out current))
                {
                    current = new PaymentGroup(PaymentInformationId(batch.MessageId, groups.Count + 1), tx.CollectionDate, tx.SequenceType, tx.LocalInstrument, counts[key]);
                    index.Add(key, current);
                    groups.Add(current);
                }
            }

            current.Transactions.Add(tx);
            current.ControlSum += tx.Amount;
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

    /// <summary>What collections of one PmtInf share.</summary>
    internal readonly record struct GroupKey(DateOnly CollectionDate, SequenceType SequenceType, string LocalInstrument);

    /// <summary>
    /// The EndToEndIds of a group, read from its collections instead of copied into a list: for
    /// 100,000 collections that copy was a large-object allocation that set off a full collection.
    /// </summary>
    private sealed class EndToEndIdList(List<DirectDebitTransaction> transactions) : IReadOnlyList<string>
    {
        public string this[int index] => transactions[index].EndToEndId;

        public int Count => transactions.Count;

        public IEnumerator<string> GetEnumerator() => transactions.Select(t => t.EndToEndId).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal sealed class PaymentGroup(string id, DateOnly collectionDate, SequenceType sequenceType, string localInstrument, int capacity = 0)
    {
        public string Id { get; } = id;
        public DateOnly CollectionDate { get; } = collectionDate;
        public SequenceType SequenceType { get; } = sequenceType;
        public string LocalInstrument { get; } = localInstrument;
        public List<DirectDebitTransaction> Transactions { get; } = new(capacity);
        public GroupKey Key => new(CollectionDate, SequenceType, LocalInstrument);
        public decimal ControlSum { get; set; }
    }
}
