using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// Reads a pain.002.001.03 or .10 payment status report. Each OrgnlPmtInfAndSts block is loaded
/// on its own; a status report is small next to the pain.008 it answers.
/// </summary>
internal sealed class Pain002Parser(string ns)
{
    private const string Body = "CstmrPmtStsRpt";

    private readonly ElementNavigator _nav = new(ns);
    private readonly List<PaymentStatusBatch> _batches = [];

    private string _messageId = "";
    private DateTimeOffset? _createdAt;
    private string? _originalMessageId;
    private string? _originalMessageType;
    private string? _groupStatus;
    private string? _groupReasonCode;

    public string Location { get; private set; } = "Document";

    public BankDocument Read(XmlReader reader)
    {
        XmlChildren.ForEach(reader, r =>
        {
            Location = "Document/" + r.LocalName;
            if (r.LocalName != Body || r.NamespaceURI != ns)
            {
                throw new ReadFailure(SepaMessages.UnexpectedRoot(Location, Body, r.LocalName));
            }

            XmlChildren.ForEach(r, ReadBodyChild);
        });

        var bodyLocation = "Document/" + Body;
        if (_originalMessageId is null)
        {
            throw new ReadFailure(SepaMessages.MissingElement(bodyLocation + "/OrgnlGrpInfAndSts", "OrgnlMsgId"));
        }

        var report = new PaymentStatusReport(_originalMessageId, _originalMessageType, _groupStatus, _batches) { GroupReasonCode = _groupReasonCode };
        return new BankDocument(BankMessageKind.Pain002, ns, _messageId, _createdAt, [], report);
    }

    private void ReadBodyChild(XmlReader reader)
    {
        var bodyLocation = "Document/" + Body;
        switch (reader.LocalName)
        {
            case "GrpHdr":
                Location = bodyLocation + "/GrpHdr";
                var header = (XElement)XNode.ReadFrom(reader);
                _messageId = _nav.Text(header, "MsgId") ?? throw new ReadFailure(SepaMessages.MissingElement(Location, "MsgId"));
                var created = _nav.Text(header, "CreDtTm");
                _createdAt = created is null ? null : XmlValues.DateTime(created, Location + "/CreDtTm");
                break;

            case "OrgnlGrpInfAndSts":
                Location = bodyLocation + "/OrgnlGrpInfAndSts";
                var group = (XElement)XNode.ReadFrom(reader);
                _originalMessageId = _nav.Text(group, "OrgnlMsgId");
                _originalMessageType = _nav.Text(group, "OrgnlMsgNmId");
                _groupStatus = _nav.Text(group, "GrpSts");
                _groupReasonCode = _nav.FirstText(group, "StsRsnInf/Rsn/Cd", "StsRsnInf/Rsn/Prtry");
                break;

            case "OrgnlPmtInfAndSts":
                Location = string.Create(CultureInfo.InvariantCulture, $"{bodyLocation}/OrgnlPmtInfAndSts[{_batches.Count + 1}]");
                _batches.Add(ParseBatch((XElement)XNode.ReadFrom(reader), Location));
                break;

            default:
                reader.Skip();
                break;
        }
    }

    private PaymentStatusBatch ParseBatch(XElement batch, string location)
    {
        var transactions = new List<PaymentStatusTransaction>();
        foreach (var tx in _nav.All(batch, "TxInfAndSts"))
        {
            var txLocation = string.Create(CultureInfo.InvariantCulture, $"{location}/TxInfAndSts[{transactions.Count + 1}]");
            transactions.Add(ParseTransaction(tx, txLocation));
        }

        return new PaymentStatusBatch(
            _nav.Text(batch, "OrgnlPmtInfId"),
            _nav.Text(batch, "PmtInfSts"),
            _nav.FirstText(batch, "StsRsnInf/Rsn/Cd", "StsRsnInf/Rsn/Prtry"),
            transactions);
    }

    private PaymentStatusTransaction ParseTransaction(XElement tx, string location)
    {
        var amountText = _nav.Text(tx, "OrgnlTxRef/Amt/InstdAmt");
        var dateText = _nav.FirstText(tx, "OrgnlTxRef/ReqdColltnDt", "OrgnlTxRef/ReqdColltnDt/Dt");
        var additional = string.Join(" ", _nav.All(tx, "StsRsnInf/AddtlInf").Select(e => e.Value.Trim()));
        var endToEnd = _nav.Text(tx, "OrgnlEndToEndId");

        return new PaymentStatusTransaction(
            endToEnd == "NOTPROVIDED" ? null : endToEnd,
            _nav.Text(tx, "OrgnlInstrId"),
            _nav.Text(tx, "TxSts"),
            _nav.FirstText(tx, "StsRsnInf/Rsn/Cd", "StsRsnInf/Rsn/Prtry"),
            additional.Length == 0 ? null : additional,
            amountText is null ? null : XmlValues.Amount(amountText, location + "/OrgnlTxRef/Amt/InstdAmt"),
            _nav.Text(tx, "OrgnlTxRef/MndtRltdInf/MndtId"),
            dateText is null ? null : XmlValues.Date(dateText, location + "/OrgnlTxRef/ReqdColltnDt"),
            _nav.FirstText(tx, "OrgnlTxRef/Dbtr/Nm", "OrgnlTxRef/Dbtr/Pty/Nm"),
            _nav.Text(tx, "OrgnlTxRef/DbtrAcct/Id/IBAN"));
    }
}
