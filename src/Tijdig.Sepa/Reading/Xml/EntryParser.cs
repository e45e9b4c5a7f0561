using System.Globalization;
using System.Xml.Linq;
using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>Turns one camt.052/053/054 Ntry element (any supported version) into a <see cref="BankEntry"/>.</summary>
internal sealed class EntryParser(ElementNavigator nav)
{
    private const string NotProvided = "NOTPROVIDED";

    public BankEntry Parse(XElement entry, string location)
    {
        var amountElement = nav.Find(entry, "Amt") ?? throw new ReadFailure(SepaMessages.MissingElement(location, "Amt"));
        var amount = XmlValues.Amount(amountElement.Value, location + "/Amt");
        var currency = amountElement.Attribute("Ccy")?.Value ?? "";
        var direction = Direction(entry, location) ?? throw new ReadFailure(SepaMessages.MissingElement(location, "CdtDbtInd"));

        var reversalText = nav.Text(entry, "RvslInd");
        var reversal = reversalText is not null && XmlValues.Boolean(reversalText, location + "/RvslInd");
        var status = nav.FirstText(entry, "Sts/Cd", "Sts/Prtry", "Sts");
        var bookingDate = DateOf(entry, "BookgDt", location);
        var valueDate = DateOf(entry, "ValDt", location);
        var code = TransactionCode(nav.Find(entry, "BkTxCd"));
        var additional = nav.Text(entry, "AddtlNtryInf");

        var transactions = new List<EntryTransaction>();
        var index = 0;
        foreach (var details in nav.All(entry, "NtryDtls/TxDtls"))
        {
            index++;
            var txLocation = string.Create(CultureInfo.InvariantCulture, $"{location}/NtryDtls/TxDtls[{index}]");
            transactions.Add(ParseTransaction(details, txLocation, direction, additional));
        }

        var entryReturn = ReturnTag.FindReasonCode(additional) is { } code2 ? new ReturnInformation(code2, null, null) : null;

        return new BankEntry(
            amount,
            currency,
            direction,
            reversal,
            status,
            bookingDate,
            valueDate,
            nav.Text(entry, "AcctSvcrRef"),
            code,
            additional,
            transactions)
        {
            Return = transactions.Select(t => t.Return).FirstOrDefault(r => r is not null) ?? entryReturn,
        };
    }

    private EntryTransaction ParseTransaction(XElement details, string location, CreditDebit entryDirection, string? entryText)
    {
        var amountElement = nav.Find(details, "Amt")
            ?? nav.Find(details, "AmtDtls/TxAmt/Amt")
            ?? nav.Find(details, "AmtDtls/InstdAmt/Amt");
        decimal? amount = amountElement is null ? null : XmlValues.Amount(amountElement.Value, location + "/" + PathOf(details, amountElement));
        var direction = Direction(details, location) ?? entryDirection;

        var returnInfo = ReturnInfo(details);
        var additional = nav.Text(details, "AddtlTxInf");
        if (returnInfo is null && (ReturnTag.FindReasonCode(additional) ?? ReturnTag.FindReasonCode(entryText)) is { } tagged)
        {
            returnInfo = new ReturnInformation(tagged, null, null);
        }

        var (name, iban) = Counterparty(details, direction, returnInfo is not null);
        var endToEnd = nav.Text(details, "Refs/EndToEndId");

        return new EntryTransaction(
            amount,
            direction,
            endToEnd == NotProvided ? null : endToEnd,
            nav.Text(details, "Refs/MndtId"),
            nav.Text(details, "Refs/InstrId"),
            nav.Text(details, "Refs/PmtInfId"),
            nav.Text(details, "Refs/MsgId"),
            nav.Text(details, "Refs/AcctSvcrRef"),
            name,
            iban,
            Unstructured(details),
            nav.Text(details, "RmtInf/Strd/CdtrRefInf/Ref"),
            returnInfo,
            additional,
            Charges(details, location));
    }

    private CreditDebit? Direction(XElement element, string location) => nav.Text(element, "CdtDbtInd") switch
    {
        null => null,
        "CRDT" => CreditDebit.Credit,
        "DBIT" => CreditDebit.Debit,
        var other => throw new ReadFailure(SepaMessages.InvalidValue(location + "/CdtDbtInd", other, "CRDT or DBIT")),
    };

    private DateOnly? DateOf(XElement entry, string element, string location)
    {
        var text = nav.FirstText(entry, element + "/Dt", element + "/DtTm");
        return text is null ? null : XmlValues.Date(text, location + "/" + element);
    }

    private BankTransactionCode? TransactionCode(XElement? code)
    {
        if (code is null)
        {
            return null;
        }

        return new BankTransactionCode(
            nav.Text(code, "Domn/Cd"),
            nav.Text(code, "Domn/Fmly/Cd"),
            nav.Text(code, "Domn/Fmly/SubFmlyCd"),
            nav.Text(code, "Prtry/Cd"));
    }

    private ReturnInformation? ReturnInfo(XElement details)
    {
        var info = nav.Find(details, "RtrInf");
        if (info is null)
        {
            return null;
        }

        var originator = nav.FirstText(info, "Orgtr/Nm", "Orgtr/Id/OrgId/BICOrBEI", "Orgtr/Id/OrgId/AnyBIC", "Orgtr/Id/OrgId/Othr/Id");
        var additional = string.Join(" ", nav.All(info, "AddtlInf").Select(e => e.Value.Trim()));
        return new ReturnInformation(
            nav.FirstText(info, "Rsn/Cd", "Rsn/Prtry"),
            originator,
            additional.Length == 0 ? null : additional);
    }

    /// <summary>
    /// The other party: the debtor for a credit, the creditor for a debit. A debited return is the
    /// creditor's own collection coming back, so there the debtor is the counterparty when the bank names it.
    /// When the preferred side is absent the other side is used.
    /// </summary>
    private (string? Name, string? Iban) Counterparty(XElement details, CreditDebit direction, bool isReturn)
    {
        var debtorFirst = direction == CreditDebit.Credit || isReturn;
        var first = debtorFirst ? "Dbtr" : "Cdtr";
        var second = debtorFirst ? "Cdtr" : "Dbtr";

        var name = PartyName(details, first);
        var iban = nav.Text(details, $"RltdPties/{first}Acct/Id/IBAN");
        if (name is null && iban is null)
        {
            name = PartyName(details, second);
            iban = nav.Text(details, $"RltdPties/{second}Acct/Id/IBAN");
        }

        return (name, iban);
    }

    private string? PartyName(XElement details, string party) =>
        nav.FirstText(details, $"RltdPties/{party}/Nm", $"RltdPties/{party}/Pty/Nm");

    private string? Unstructured(XElement details)
    {
        var lines = nav.All(details, "RmtInf/Ustrd").Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToList();
        return lines.Count == 0 ? null : string.Join(" ", lines);
    }

    private decimal? Charges(XElement details, string location)
    {
        var blocks = nav.All(details, "Chrgs").ToList();
        if (blocks.Count == 0)
        {
            return null;
        }

        decimal total = 0;
        foreach (var block in blocks)
        {
            var totalElement = nav.Find(block, "TtlChrgsAndTaxAmt");
            if (totalElement is not null)
            {
                total += XmlValues.Amount(totalElement.Value, location + "/Chrgs/TtlChrgsAndTaxAmt");
                continue;
            }

            foreach (var amount in nav.All(block, "Rcrd/Amt").Concat(nav.All(block, "Amt")))
            {
                total += XmlValues.Amount(amount.Value, location + "/Chrgs/Amt");
            }
        }

        return total;
    }

    private static string PathOf(XElement ancestor, XElement element)
    {
        var names = new Stack<string>();
        for (var current = element; current is not null && current != ancestor; current = current.Parent)
        {
            names.Push(current.Name.LocalName);
        }

        return string.Join("/", names);
    }
}
