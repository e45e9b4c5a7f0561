namespace Tijdig.Sepa.Tests.Reading;

/// <summary>A camt.053.001.02 statement with a single credit entry, for tests of one element of that entry.</summary>
internal static class OneEntryCamt
{
    /// <summary>Returns the statement with <paramref name="amountElement"/> (the whole <c>Amt</c> element) in its entry.</summary>
    public static string With(string amountElement) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2025-01-06T10:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
              <Ntry>{amountElement}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;
}
