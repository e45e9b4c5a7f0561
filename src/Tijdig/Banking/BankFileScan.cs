using Tijdig.Sepa;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Banking;

/// <summary>One statement of a scanned file: its header (entries left out) and how many bookable units it holds.</summary>
public sealed record ScannedStatement(BankStatement Statement, int UnitCount);

/// <summary>
/// The first of the two streaming passes over a statement file: it reads every entry, so a broken
/// file is refused before anything is booked, and keeps only the statement headers and their unit
/// counts. Memory grows with the number of statements, not with the number of entries.
/// </summary>
public sealed record BankFileScan(BankMessageKind Kind, string MessageId, IReadOnlyList<ScannedStatement> Statements)
{
    public static SepaResult<BankFileScan> Run(Stream input)
    {
        var statements = new List<ScannedStatement>();
        var units = 0;
        var read = BankFileReader.ReadEntries(
            input,
            (_, entry) => units += Math.Max(1, entry.Transactions.Count),
            header =>
            {
                statements.Add(new ScannedStatement(StatementOf(header), units));
                units = 0;
            });

        return read.Success
            ? SepaResult<BankFileScan>.Ok(new BankFileScan(read.Value.Kind, read.Value.MessageId, statements))
            : read.Error!;
    }

    /// <summary>The statement a header describes, without its entries.</summary>
    public static BankStatement StatementOf(BankStatementHeader header) =>
        new(header.StatementId, header.AccountIban, header.Currency, header.ElectronicSequenceNumber, header.CreatedAt, []);
}
