using System.Globalization;
using System.Text;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>
/// Writes a camt.053.001.02 statement of about the requested size: one statement with entries that
/// look like a Dutch childcare organisation's account (transfers with a description, counterparty
/// name and IBAN, and direct-debit credits with end-to-end and mandate ids).
/// </summary>
public static class CamtGenerator
{
    public static long Write(string path, long targetBytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>");
        writer.Write("<GrpHdr><MsgId>BENCH-1</MsgId><CreDtTm>2024-03-05T08:00:00</CreDtTm></GrpHdr>");
        writer.Write("<Stmt><Id>BENCH-STMT-1</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>2024-03-05T08:00:00</CreDtTm><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>");

        var entries = 0L;
        while (file.Position < targetBytes)
        {
            writer.Write(Entry(entries++));
            if (entries % 1024 == 0)
            {
                writer.Flush();
            }
        }

        writer.Write("</Stmt></BkToCstmrStmt></Document>");
        return entries;
    }

    private static string Entry(long n)
    {
        var amount = (10 + n % 500).ToString(CultureInfo.InvariantCulture) + "." + (n % 100).ToString("00", CultureInfo.InvariantCulture);
        var number = n.ToString("D8", CultureInfo.InvariantCulture);
        return n % 3 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-05</Dt></BookgDt><ValDt><Dt>2024-03-05</Dt></ValDt><AcctSvcrRef>SVC{number}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>ESDD</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>F-2024-{number}</EndToEndId><MndtId>MANDATE-{number}</MndtId></Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">{amount}</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>Ouder {number}</Nm></Dbtr><DbtrAcct><Id><IBAN>NL02ABNA0123456789</IBAN></Id></DbtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>")
            : string.Create(CultureInfo.InvariantCulture, $"<Ntry><Amt Ccy=\"EUR\">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-05</Dt></BookgDt><ValDt><Dt>2024-03-05</Dt></ValDt><AcctSvcrRef>SVC{number}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">{amount}</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>Ouder {number}</Nm></Dbtr><DbtrAcct><Id><IBAN>NL02ABNA0123456789</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Factuur F-2024-{number} kinderopvang maart</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
    }
}
