using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// Reads a camt.052/053/054 document entry by entry. Only one Ntry element is in memory at a
/// time, so memory does not grow with the file.
/// </summary>
internal sealed class CamtStreamReader
{
    private readonly BankMessageKind _kind;
    private readonly string _body;
    private readonly string _statementElement;
    private readonly XNamespace _ns;
    private readonly ElementNavigator _nav;
    private readonly EntryLocation _entryLocation = new();
    private EntryTree? _tree;
    private EntryParser? _entries;
    private readonly Action<BankStatementHeader, BankEntry> _onEntry;
    private readonly Action<BankStatementHeader> _onStatementEnd;

    private string _messageId = "";
    private DateTimeOffset? _createdAt;
    private int _statementCount;
    private int _entryCount;
    private decimal _creditTotal;
    private decimal _debitTotal;

    public CamtStreamReader(
        BankMessageKind kind,
        string ns,
        string body,
        Action<BankStatementHeader, BankEntry> onEntry,
        Action<BankStatementHeader> onStatementEnd)
    {
        _kind = kind;
        _body = body;
        _statementElement = MessageFormats.StatementElement(kind);
        _ns = ns;
        _nav = new ElementNavigator(_ns);
        _onEntry = onEntry;
        _onStatementEnd = onStatementEnd;
    }

    private string _location = "Document";
    private bool _inEntry;

    /// <summary>The element being read, for error messages about malformed XML.</summary>
    public string Location
    {
        // Inside an entry the path is only built when asked for, so valid entries allocate no path text.
        get => _inEntry ? _entryLocation.EntryPath() : _location;
        private set
        {
            _location = value;
            _inEntry = false;
        }
    }

    /// <summary>Reads from the Document element (the reader is on it) to its end.</summary>
    public BankFileSummary Read(XmlReader reader)
    {
        // The tree compares element names by reference, so it needs the reader's name table.
        _tree = new EntryTree(_ns.NamespaceName, reader.NameTable);
        _entries = new EntryParser(_tree, _entryLocation);
        XmlChildren.ForEach(reader, r =>
        {
            var location = "Document/" + r.LocalName;
            if (r.LocalName != _body || r.NamespaceURI != _ns.NamespaceName)
            {
                throw new ReadFailure(SepaMessages.UnexpectedRoot(location, _body, r.LocalName));
            }

            Location = location;
            XmlChildren.ForEach(r, ReadBodyChild);
        });

        return new BankFileSummary(_kind, _ns.NamespaceName, _messageId, _createdAt, _statementCount, _entryCount, _creditTotal, _debitTotal);
    }

    private void ReadBodyChild(XmlReader reader)
    {
        var bodyLocation = "Document/" + _body;
        if (reader.LocalName == "GrpHdr")
        {
            Location = bodyLocation + "/GrpHdr";
            var header = (XElement)XNode.ReadFrom(reader);
            _messageId = _nav.Text(header, "MsgId") ?? throw new ReadFailure(SepaMessages.MissingElement(Location, "MsgId"));
            var created = _nav.Text(header, "CreDtTm");
            _createdAt = created is null ? null : XmlValues.DateTime(created, Location + "/CreDtTm");
            return;
        }

        if (reader.LocalName == _statementElement)
        {
            _statementCount++;
            var location = string.Create(CultureInfo.InvariantCulture, $"{bodyLocation}/{_statementElement}[{_statementCount}]");
            Location = location;
            ReadStatement(reader, location);
            return;
        }

        reader.Skip();
    }

    private void ReadStatement(XmlReader reader, string location)
    {
        var headerElement = new XElement(_ns + _statementElement);
        BankStatementHeader? header = null;
        var entryIndex = 0;

        XmlChildren.ForEach(reader, r =>
        {
            if (r.LocalName != "Ntry")
            {
                // Balances and totals are not part of the model; skipping them keeps them out of memory.
                if (r.LocalName is "Id" or "ElctrncSeqNb" or "CreDtTm" or "Acct")
                {
                    Location = location + "/" + r.LocalName;
                    headerElement.Add(XNode.ReadFrom(r));
                }
                else
                {
                    r.Skip();
                }

                return;
            }

            entryIndex++;
            _entryLocation.MoveTo(location, entryIndex);
            _inEntry = true;
            var entry = _entries!.Parse(_tree!.Read(r));
            header ??= BuildHeader(headerElement, location, entry.Currency);

            _entryCount++;
            if (entry.Direction == CreditDebit.Credit)
            {
                _creditTotal += entry.Amount;
            }
            else
            {
                _debitTotal += entry.Amount;
            }

            _onEntry(header, entry);
        });

        _onStatementEnd(header ?? BuildHeader(headerElement, location, null));
    }

    private BankStatementHeader BuildHeader(XElement statement, string location, string? entryCurrency)
    {
        var sequence = _nav.Text(statement, "ElctrncSeqNb");
        var created = _nav.Text(statement, "CreDtTm");
        return new BankStatementHeader(
            _kind,
            _messageId,
            _statementCount - 1,
            _nav.Text(statement, "Id") ?? "",
            _nav.Text(statement, "Acct/Id/IBAN"),
            _nav.Text(statement, "Acct/Ccy") ?? entryCurrency,
            sequence is null ? null : XmlValues.Integer(sequence, location + "/ElctrncSeqNb"),
            created is null ? null : XmlValues.DateTime(created, location + "/CreDtTm"));
    }
}
