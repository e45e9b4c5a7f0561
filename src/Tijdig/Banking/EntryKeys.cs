using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>One bookable unit of a statement: a transaction detail, or the entry itself when it has none.</summary>
public sealed record EntryUnit(BankStatement Statement, BankEntry Entry, EntryTransaction Transaction, int Index, bool IsBatch, string Key);

/// <summary>
/// Identifies entries and statements across files, so that overlapping files book nothing twice.
/// </summary>
public static class EntryKeys
{
    private static readonly EntryTransaction EmptyTransaction =
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /// <summary>Splits a statement into its units with their keys, in file order.</summary>
    public static List<EntryUnit> Units(BankStatement statement)
    {
        var units = new List<EntryUnit>();
        var keys = new StatementUnits(statement);
        foreach (var entry in statement.Entries)
        {
            keys.Add(entry, units);
        }

        return units;
    }

    /// <summary>The units of one entry, keyed; <paramref name="occurrences"/> counts content hashes within the statement.</summary>
    internal static void AddUnits(BankStatement statement, BankEntry entry, Dictionary<UInt128, int> occurrences, List<EntryUnit> into)
    {
        IReadOnlyList<EntryTransaction> transactions = entry.Transactions.Count > 0 ? entry.Transactions : [EmptyTransaction];
        for (var index = 0; index < transactions.Count; index++)
        {
            var tx = transactions[index];
            into.Add(new EntryUnit(statement, entry, tx, index, transactions.Count > 1, EntryKey(statement, entry, tx, index, occurrences)));
        }
    }

    /// <summary>
    /// The statement's identity: account, statement id, electronic sequence number and message id,
    /// hashed to a fixed length.
    /// </summary>
    public static string StatementIdentity(BankMessageKind kind, string messageId, BankStatement statement) =>
        Hash(string.Join(
            "|",
            kind.ToString(),
            statement.AccountIban ?? "",
            statement.StatementId,
            statement.ElectronicSequenceNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
            messageId));

    /// <summary>
    /// The servicer reference identifies an entry across files. Without one, a hash of the entry's
    /// content, counted per occurrence, stands in: two identical entries on one statement stay two.
    /// </summary>
    private static string EntryKey(BankStatement statement, BankEntry entry, EntryTransaction tx, int index, Dictionary<UInt128, int> occurrences)
    {
        var account = statement.AccountIban ?? "";
        var servicerReference = tx.AccountServicerReference ?? entry.AccountServicerReference;
        if (servicerReference is not null)
        {
            var key = $"ref:{account}:{servicerReference}:{index.ToString(CultureInfo.InvariantCulture)}";
            return key.Length <= 200 ? key : "ref:" + Hash(key);
        }

        var content = string.Join(
            "|",
            account,
            entry.BookingDate?.ToString("O", CultureInfo.InvariantCulture),
            entry.SignedAmount.ToString(CultureInfo.InvariantCulture),
            tx.Amount?.ToString(CultureInfo.InvariantCulture),
            tx.EndToEndId,
            tx.MandateId,
            tx.RemittanceUnstructured,
            tx.RemittanceStructured,
            tx.CounterpartyIban,
            entry.AdditionalInformation,
            index.ToString(CultureInfo.InvariantCulture));
        var hash = Hash(content)[..32];
        var hashValue = UInt128.Parse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        var occurrence = occurrences[hashValue] = occurrences.GetValueOrDefault(hashValue) + 1;
        return $"hash:{hash}:{occurrence.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// Keys the units of one statement entry by entry, in file order, so a streamed statement gets the
/// same keys as one read whole. Only entries without a servicer reference leave something behind:
/// a 16-byte content hash with its count, to tell identical entries apart.
/// </summary>
public sealed class StatementUnits(BankStatement statement)
{
    private readonly Dictionary<UInt128, int> _occurrences = [];

    public BankStatement Statement => statement;

    public void Add(BankEntry entry, List<EntryUnit> into) => EntryKeys.AddUnits(statement, entry, _occurrences, into);
}
