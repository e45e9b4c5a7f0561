using System.Globalization;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// Where the parser is inside a statement: the entry and, inside it, the transaction. The path
/// text ("…/Stmt[1]/Ntry[12]/NtryDtls/TxDtls[2]") is only built for an error message, so reading
/// a valid file allocates no path strings.
/// </summary>
internal sealed class EntryLocation
{
    public string Statement { get; private set; } = "";

    public int Entry { get; private set; }

    public int Transaction { get; set; }

    public void MoveTo(string statement, int entry)
    {
        Statement = statement;
        Entry = entry;
        Transaction = 0;
    }

    /// <summary>The path of the entry, without the transaction.</summary>
    public string EntryPath() => string.Create(CultureInfo.InvariantCulture, $"{Statement}/Ntry[{Entry}]");

    /// <summary>The path of the current entry or transaction followed by <paramref name="tail"/> ("/Amt").</summary>
    public string Describe(string tail) => Transaction == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Statement}/Ntry[{Entry}]{tail}")
        : string.Create(CultureInfo.InvariantCulture, $"{Statement}/Ntry[{Entry}]/NtryDtls/TxDtls[{Transaction}]{tail}");
}
