using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading.Xml;

/// <summary>
/// Turns one camt.052/053/054 Ntry element (any supported version), read into an <see cref="EntryTree"/>,
/// into a <see cref="BankEntry"/>. Error paths come from <see cref="EntryLocation"/>.
/// </summary>
internal sealed class EntryParser(EntryTree tree, EntryLocation location)
{
    private const string NotProvided = "NOTPROVIDED";

    // Lists reused for every entry. Nested lookups (charge amounts inside charge blocks) use separate lists.
    private readonly List<EntryNode> _details = [];
    private readonly List<EntryNode> _charges = [];
    private readonly List<EntryNode> _chargeAmounts = [];
    private readonly List<EntryNode> _lines = [];

    // Ccy is mandatory on an entry amount. Without a valid code the entry would pass as foreign
    // currency, stay unbooked, and make the bank's corrected file look seen before.
    private string Currency(string? code)
    {
        if (code is null)
        {
            throw new ReadFailure(SepaMessages.MissingElement(location.Describe("/Amt"), "Ccy"));
        }

        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new ReadFailure(SepaMessages.InvalidValue(location.Describe("/Amt"), code, "a three-letter currency code such as EUR"));
        }

        return code;
    }

    public BankEntry Parse(EntryNode entry)
    {
        location.Transaction = 0;
        var amountElement = tree.Find(entry, "Amt") ?? throw new ReadFailure(SepaMessages.MissingElement(location.Describe(""), "Amt"));
        var amount = XmlValues.Amount(tree.Value(amountElement), new XmlPath(location, "/Amt"));
        var currency = Currency(amountElement.Currency);
        var direction = Direction(entry) ?? throw new ReadFailure(SepaMessages.MissingElement(location.Describe(""), "CdtDbtInd"));

        var reversalText = tree.Trimmed(entry, "RvslInd");
        var reversal = !reversalText.IsEmpty && XmlValues.Boolean(reversalText, new XmlPath(location, "/RvslInd"));
        var status = tree.FirstCode(entry, "Sts/Cd", "Sts/Prtry", "Sts");
        var bookingDate = DateOf(entry, "BookgDt/Dt", "BookgDt/DtTm", "/BookgDt");
        var valueDate = DateOf(entry, "ValDt/Dt", "ValDt/DtTm", "/ValDt");
        var code = TransactionCode(tree.Find(entry, "BkTxCd"));
        var additional = tree.Text(entry, "AddtlNtryInf");
        var servicerReference = tree.Text(entry, "AcctSvcrRef");

        tree.All(entry, "NtryDtls/TxDtls", _details);
        var transactions = new List<EntryTransaction>(_details.Count);
        ReturnInformation? firstReturn = null;
        for (var i = 0; i < _details.Count; i++)
        {
            location.Transaction = i + 1;
            var transaction = ParseTransaction(_details[i], direction, additional);
            firstReturn ??= transaction.Return;
            transactions.Add(transaction);
        }

        location.Transaction = 0;
        var entryReturn = ReturnTag.FindReasonCode(additional) is { } tagged ? new ReturnInformation(tagged, null, null) : null;

        return new BankEntry(
            amount,
            currency,
            direction,
            reversal,
            status,
            bookingDate,
            valueDate,
            servicerReference,
            code,
            additional,
            transactions)
        {
            Return = firstReturn ?? entryReturn,
        };
    }

    private EntryTransaction ParseTransaction(EntryNode details, CreditDebit entryDirection, string? entryText)
    {
        decimal? amount = null;
        if (tree.Find(details, "Amt") is { } direct)
        {
            amount = XmlValues.Amount(tree.Value(direct), new XmlPath(location, "/Amt"));
        }
        else if (tree.Find(details, "AmtDtls/TxAmt/Amt") is { } transactionAmount)
        {
            amount = XmlValues.Amount(tree.Value(transactionAmount), new XmlPath(location, "/AmtDtls/TxAmt/Amt"));
        }
        else if (tree.Find(details, "AmtDtls/InstdAmt/Amt") is { } instructedAmount)
        {
            amount = XmlValues.Amount(tree.Value(instructedAmount), new XmlPath(location, "/AmtDtls/InstdAmt/Amt"));
        }

        var direction = Direction(details) ?? entryDirection;

        var returnInfo = ReturnInfo(details);
        var additional = tree.Text(details, "AddtlTxInf");
        if (returnInfo is null && (ReturnTag.FindReasonCode(additional) ?? ReturnTag.FindReasonCode(entryText)) is { } tagged)
        {
            returnInfo = new ReturnInformation(tagged, null, null);
        }

        var (name, iban) = Counterparty(details, direction, returnInfo is not null);
        // "NOTPROVIDED" stands for no id; it is recognised in the buffer, before a string is made.
        var endToEndText = tree.Trimmed(details, "Refs/EndToEndId");
        var endToEnd = endToEndText.IsEmpty || endToEndText.SequenceEqual(NotProvided) ? null : new string(endToEndText);

        return new EntryTransaction(
            amount,
            direction,
            endToEnd,
            tree.Text(details, "Refs/MndtId"),
            tree.Text(details, "Refs/InstrId"),
            tree.Text(details, "Refs/PmtInfId"),
            tree.Text(details, "Refs/MsgId"),
            tree.Text(details, "Refs/AcctSvcrRef"),
            name,
            iban,
            Unstructured(details),
            tree.Text(details, "RmtInf/Strd/CdtrRefInf/Ref"),
            returnInfo,
            additional,
            Charges(details));
    }

    private CreditDebit? Direction(EntryNode element) => tree.Trimmed(element, "CdtDbtInd") switch
    {
        [] => null,
        "CRDT" => CreditDebit.Credit,
        "DBIT" => CreditDebit.Debit,
        var other => throw new ReadFailure(SepaMessages.InvalidValue(location.Describe("/CdtDbtInd"), other.ToString(), "CRDT or DBIT")),
    };

    private DateOnly? DateOf(EntryNode entry, string datePath, string dateTimePath, string tail)
    {
        var text = tree.Trimmed(entry, datePath);
        if (text.IsEmpty)
        {
            text = tree.Trimmed(entry, dateTimePath);
        }

        return text.IsEmpty ? null : XmlValues.Date(text, new XmlPath(location, tail));
    }

    private BankTransactionCode? TransactionCode(EntryNode? code)
    {
        if (code is null)
        {
            return null;
        }

        return new BankTransactionCode(
            tree.Code(code, "Domn/Cd"),
            tree.Code(code, "Domn/Fmly/Cd"),
            tree.Code(code, "Domn/Fmly/SubFmlyCd"),
            tree.Code(code, "Prtry/Cd"));
    }

    private ReturnInformation? ReturnInfo(EntryNode details)
    {
        var info = tree.Find(details, "RtrInf");
        if (info is null)
        {
            return null;
        }

        var originator = tree.FirstText(info, "Orgtr/Nm", "Orgtr/Id/OrgId/BICOrBEI", "Orgtr/Id/OrgId/AnyBIC", "Orgtr/Id/OrgId/Othr/Id");
        tree.All(info, "AddtlInf", _lines);
        var additional = string.Join(" ", _lines.Select(e => tree.Value(e).Trim().ToString()));
        return new ReturnInformation(
            tree.FirstCode(info, "Rsn/Cd", "Rsn/Prtry"),
            originator,
            additional.Length == 0 ? null : additional);
    }

    /// <summary>
    /// The other party: the debtor for a credit, the creditor for a debit. A debited return is the
    /// creditor's own collection coming back, so there the debtor is the counterparty when the bank names it.
    /// When the preferred side is absent the other side is used.
    /// </summary>
    private (string? Name, string? Iban) Counterparty(EntryNode details, CreditDebit direction, bool isReturn)
    {
        var debtorFirst = direction == CreditDebit.Credit || isReturn;

        var name = debtorFirst ? DebtorName(details) : CreditorName(details);
        var iban = tree.Text(details, debtorFirst ? "RltdPties/DbtrAcct/Id/IBAN" : "RltdPties/CdtrAcct/Id/IBAN");
        if (name is null && iban is null)
        {
            name = debtorFirst ? CreditorName(details) : DebtorName(details);
            iban = tree.Text(details, debtorFirst ? "RltdPties/CdtrAcct/Id/IBAN" : "RltdPties/DbtrAcct/Id/IBAN");
        }

        return (name, iban);
    }

    private string? DebtorName(EntryNode details) => tree.FirstText(details, "RltdPties/Dbtr/Nm", "RltdPties/Dbtr/Pty/Nm");

    private string? CreditorName(EntryNode details) => tree.FirstText(details, "RltdPties/Cdtr/Nm", "RltdPties/Cdtr/Pty/Nm");

    private string? Unstructured(EntryNode details)
    {
        tree.All(details, "RmtInf/Ustrd", _lines);
        string? single = null;
        var count = 0;
        foreach (var line in _lines)
        {
            var text = tree.Value(line).Trim();
            if (text.Length > 0)
            {
                single = count == 0 ? new string(text) : single;
                count++;
            }
        }

        if (count <= 1)
        {
            return single;
        }

        return string.Join(" ", _lines.Select(e => tree.Value(e).Trim().ToString()).Where(v => v.Length > 0));
    }

    private decimal? Charges(EntryNode details)
    {
        tree.All(details, "Chrgs", _charges);
        if (_charges.Count == 0)
        {
            return null;
        }

        decimal total = 0;
        foreach (var block in _charges)
        {
            var totalElement = tree.Find(block, "TtlChrgsAndTaxAmt");
            if (totalElement is not null)
            {
                total += XmlValues.Amount(tree.Value(totalElement), new XmlPath(location, "/Chrgs/TtlChrgsAndTaxAmt"));
                continue;
            }

            tree.All(block, "Rcrd/Amt", _chargeAmounts);
            foreach (var amount in _chargeAmounts)
            {
                total += XmlValues.Amount(tree.Value(amount), new XmlPath(location, "/Chrgs/Amt"));
            }

            tree.All(block, "Amt", _chargeAmounts);
            foreach (var amount in _chargeAmounts)
            {
                total += XmlValues.Amount(tree.Value(amount), new XmlPath(location, "/Chrgs/Amt"));
            }
        }

        return total;
    }
}
