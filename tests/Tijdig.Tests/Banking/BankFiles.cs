using System.Globalization;
using System.Security;
using System.Text;

namespace Tijdig.Tests.Banking;

/// <summary>One camt entry for <see cref="BankFiles"/>: a credit or debit with the references a bank would send.</summary>
public sealed record TestEntry(
    decimal Amount,
    bool Credit,
    string? ServicerReference = null,
    string? EndToEndId = null,
    string? MandateId = null,
    string? PaymentInformationId = null,
    string? ReturnReason = null,
    string? Remittance = null,
    string? StructuredReference = null,
    string? CounterpartyIban = null,
    string? CounterpartyName = null,
    string Family = "RCDT",
    string SubFamily = "ESCT",
    DateOnly? BookingDate = null);

/// <summary>One pain.002 line: the original end-to-end id and its status.</summary>
public sealed record TestStatusLine(string EndToEndId, string Status, string? Reason);

/// <summary>One pain.002 OrgnlPmtInfAndSts block.</summary>
public sealed record TestStatusBatch(string PaymentInformationId, string? Status, string? Reason, IReadOnlyList<TestStatusLine> Lines);

/// <summary>Builds small camt.053/054 (version .001.02) and pain.002 (.001.03) files as a bank would send them.</summary>
public static class BankFiles
{
    public const string Account = "NL91ABNA0417164300";

    public static string Camt053(string messageId, string statementId, long? sequence, IEnumerable<TestEntry> entries) =>
        Camt("camt.053.001.02", "BkToCstmrStmt", "Stmt", messageId, statementId, sequence, entries);

    public static string Camt054(string messageId, string notificationId, IEnumerable<TestEntry> entries) =>
        Camt("camt.054.001.02", "BkToCstmrDbtCdtNtfctn", "Ntfctn", messageId, notificationId, null, entries);

    public static string Pain002(string messageId, string originalMessageId, string? groupStatus, string? groupReason, IEnumerable<TestStatusBatch> batches)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.Append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt>");
        xml.Append(CultureInfo.InvariantCulture, $"<GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>2024-03-05T08:00:00</CreDtTm></GrpHdr>");
        xml.Append(CultureInfo.InvariantCulture, $"<OrgnlGrpInfAndSts><OrgnlMsgId>{originalMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>");
        if (groupStatus is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<GrpSts>{groupStatus}</GrpSts>");
        }

        if (groupReason is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<StsRsnInf><Rsn><Cd>{groupReason}</Cd></Rsn></StsRsnInf>");
        }

        xml.Append("</OrgnlGrpInfAndSts>");
        foreach (var batch in batches)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<OrgnlPmtInfAndSts><OrgnlPmtInfId>{batch.PaymentInformationId}</OrgnlPmtInfId>");
            if (batch.Status is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<PmtInfSts>{batch.Status}</PmtInfSts>");
            }

            if (batch.Reason is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<StsRsnInf><Rsn><Cd>{batch.Reason}</Cd></Rsn></StsRsnInf>");
            }

            foreach (var line in batch.Lines)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<TxInfAndSts><OrgnlEndToEndId>{line.EndToEndId}</OrgnlEndToEndId><TxSts>{line.Status}</TxSts>");
                if (line.Reason is not null)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"<StsRsnInf><Rsn><Cd>{line.Reason}</Cd></Rsn></StsRsnInf>");
                }

                xml.Append("</TxInfAndSts>");
            }

            xml.Append("</OrgnlPmtInfAndSts>");
        }

        xml.Append("</CstmrPmtStsRpt></Document>");
        return xml.ToString();
    }

    public static async Task<string> WriteAsync(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    private static string Camt(string version, string body, string block, string messageId, string blockId, long? sequence, IEnumerable<TestEntry> entries)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.Append(CultureInfo.InvariantCulture, $"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:{version}\"><{body}>");
        xml.Append(CultureInfo.InvariantCulture, $"<GrpHdr><MsgId>{messageId}</MsgId><CreDtTm>2024-03-05T08:00:00</CreDtTm></GrpHdr>");
        xml.Append(CultureInfo.InvariantCulture, $"<{block}><Id>{blockId}</Id>");
        if (sequence is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<ElctrncSeqNb>{sequence}</ElctrncSeqNb>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"<CreDtTm>2024-03-05T08:00:00</CreDtTm><Acct><Id><IBAN>{Account}</IBAN></Id><Ccy>EUR</Ccy></Acct>");
        foreach (var entry in entries)
        {
            AppendEntry(xml, entry);
        }

        xml.Append(CultureInfo.InvariantCulture, $"</{block}></{body}></Document>");
        return xml.ToString();
    }

    private static void AppendEntry(StringBuilder xml, TestEntry entry)
    {
        var amount = entry.Amount.ToString("0.00", CultureInfo.InvariantCulture);
        var date = (entry.BookingDate ?? new DateOnly(2024, 3, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        xml.Append(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>{(entry.Credit ? "CRDT" : "DBIT")}</CdtDbtInd><Sts>BOOK</Sts>");
        xml.Append(CultureInfo.InvariantCulture, $"<BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt>");
        if (entry.ServicerReference is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<AcctSvcrRef>{entry.ServicerReference}</AcctSvcrRef>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>{entry.Family}</Cd><SubFmlyCd>{entry.SubFamily}</SubFmlyCd></Fmly></Domn></BkTxCd>");
        xml.Append("<NtryDtls><TxDtls><Refs>");
        Optional(xml, "PmtInfId", entry.PaymentInformationId);
        Optional(xml, "EndToEndId", entry.EndToEndId);
        Optional(xml, "MndtId", entry.MandateId);
        xml.Append("</Refs>");
        xml.Append(CultureInfo.InvariantCulture, $"<AmtDtls><TxAmt><Amt Ccy=\"EUR\">{amount}</Amt></TxAmt></AmtDtls>");
        if (entry.CounterpartyIban is not null || entry.CounterpartyName is not null)
        {
            var party = entry.Credit ? "Dbtr" : "Cdtr";
            xml.Append("<RltdPties>");
            if (entry.CounterpartyName is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<{party}><Nm>{SecurityElement.Escape(entry.CounterpartyName)}</Nm></{party}>");
            }

            if (entry.CounterpartyIban is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<{party}Acct><Id><IBAN>{entry.CounterpartyIban}</IBAN></Id></{party}Acct>");
            }

            xml.Append("</RltdPties>");
        }

        if (entry.Remittance is not null || entry.StructuredReference is not null)
        {
            xml.Append("<RmtInf>");
            Optional(xml, "Ustrd", entry.Remittance is null ? null : SecurityElement.Escape(entry.Remittance));
            if (entry.StructuredReference is not null)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>{entry.StructuredReference}</Ref></CdtrRefInf></Strd>");
            }

            xml.Append("</RmtInf>");
        }

        if (entry.ReturnReason is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<RtrInf><Rsn><Cd>{entry.ReturnReason}</Cd></Rsn></RtrInf>");
        }

        xml.Append("</TxDtls></NtryDtls></Ntry>");
    }

    private static void Optional(StringBuilder xml, string element, string? value)
    {
        if (value is not null)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<{element}>{value}</{element}>");
        }
    }
}
