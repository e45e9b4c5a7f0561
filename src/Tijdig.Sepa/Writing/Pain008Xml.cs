using System.Globalization;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Sepa.Writing;

/// <summary>The element layout of pain.008.001.02 and .08, in XSD order.</summary>
internal sealed class Pain008Xml(Utf8XmlOutput writer, Pain008Version version)
{
    /// <summary>Amounts and dates are formatted into this buffer and written from it, so they allocate no string per collection.</summary>
    private readonly char[] _scratch = new char[64];

    private string BicElement => version == Pain008Version.V02 ? "BIC" : "BICFI";

    private string Namespace => version == Pain008Version.V02
        ? "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"
        : "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    public void Write(DirectDebitBatch batch, IReadOnlyList<Pain008Writer.PaymentGroup> groups)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("Document", Namespace);
        writer.WriteStartElement("CstmrDrctDbtInitn");

        writer.WriteStartElement("GrpHdr");
        writer.WriteElementString("MsgId", batch.MessageId);
        writer.WriteElementString("CreDtTm", batch.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        writer.WriteElementString("NbOfTxs", batch.Transactions.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("CtrlSum", Amount(groups.Sum(g => g.ControlSum)));
        writer.WriteStartElement("InitgPty");
        writer.WriteElementString("Nm", Pain008Writer.Name(batch.CreditorName));
        writer.WriteEndElement();
        writer.WriteEndElement();

        foreach (var group in groups)
        {
            WritePaymentInformation(batch, group);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private void WritePaymentInformation(DirectDebitBatch batch, Pain008Writer.PaymentGroup group)
    {
        writer.WriteStartElement("PmtInf");
        writer.WriteElementString("PmtInfId", group.Id);
        writer.WriteElementString("PmtMtd", "DD");
        writer.WriteElementString("NbOfTxs", group.Transactions.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("CtrlSum", Amount(group.ControlSum));

        writer.WriteStartElement("PmtTpInf");
        writer.WriteStartElement("SvcLvl");
        writer.WriteElementString("Cd", "SEPA");
        writer.WriteEndElement();
        writer.WriteStartElement("LclInstrm");
        writer.WriteElementString("Cd", group.LocalInstrument);
        writer.WriteEndElement();
        writer.WriteElementString("SeqTp", Pain008Writer.SequenceCode(group.SequenceType));
        writer.WriteEndElement();

        writer.WriteElementString("ReqdColltnDt", Date(group.CollectionDate));
        writer.WriteStartElement("Cdtr");
        writer.WriteElementString("Nm", Pain008Writer.Name(batch.CreditorName));
        writer.WriteEndElement();
        WriteAccount("CdtrAcct", batch.CreditorIban);
        WriteAgent("CdtrAgt", batch.CreditorBic);
        writer.WriteElementString("ChrgBr", "SLEV");
        WriteSchemeId("CdtrSchmeId", batch.CreditorId);

        foreach (var tx in group.Transactions)
        {
            WriteTransaction(tx);
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// Writes one DrctDbtTxInf. The fixed tags around the values are written as ready UTF-8, because
    /// for a batch of 100,000 collections writing them tag by tag took more time than the values.
    /// The bytes are the same as <see cref="Utf8XmlOutput"/> writes element by element.
    /// </summary>
    private void WriteTransaction(DirectDebitTransaction tx)
    {
        writer.WriteRaw("<DrctDbtTxInf><PmtId><EndToEndId>"u8);
        writer.WriteChars(tx.EndToEndId);
        writer.WriteRaw("</EndToEndId></PmtId><InstdAmt Ccy=\"EUR\">"u8);
        writer.WriteChars(FormatAmount(tx.Amount));
        writer.WriteRaw("</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>"u8);
        writer.WriteChars(tx.MandateId);
        writer.WriteRaw("</MndtId><DtOfSgntr>"u8);
        writer.WriteChars(FormatDate(tx.MandateSignatureDate));
        writer.WriteRaw("</DtOfSgntr>"u8);
        if (tx.Amendment is { } amendment)
        {
            WriteAmendment(amendment);
        }

        writer.WriteRaw("</MndtRltdInf></DrctDbtTx>"u8);
        if (tx.DebtorBic is null)
        {
            writer.WriteRaw("<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>"u8);
        }
        else
        {
            WriteAgent("DbtrAgt", tx.DebtorBic);
        }

        writer.WriteRaw("<Dbtr><Nm>"u8);
        writer.WriteChars(Pain008Writer.Name(tx.DebtorName));
        writer.WriteRaw("</Nm></Dbtr><DbtrAcct><Id><IBAN>"u8);
        writer.WriteChars(Iban.Normalize(tx.DebtorIban));
        writer.WriteRaw("</IBAN></Id></DbtrAcct>"u8);

        if (!string.IsNullOrWhiteSpace(tx.RemittanceInformation))
        {
            writer.WriteRaw("<RmtInf><Ustrd>"u8);
            writer.WriteChars(Pain008Writer.Remittance(tx.RemittanceInformation));
            writer.WriteRaw("</Ustrd></RmtInf>"u8);
        }

        writer.WriteRaw("</DrctDbtTxInf>"u8);
    }

    /// <summary>
    /// Formats an amount as "0.00" does in the invariant culture, into the scratch buffer. Amounts
    /// with at most two decimals (every validated one) take a path without the general number formatter.
    /// </summary>
    private ReadOnlySpan<char> FormatAmount(decimal value)
    {
        if (value >= 0 && value.Scale <= 2 && value < 1_000_000_000_000_000m)
        {
            var cents = (long)(value * 100m);
            (cents / 100).TryFormat(_scratch, out var length, default, CultureInfo.InvariantCulture);
            var fraction = (int)(cents % 100);
            _scratch[length] = '.';
            _scratch[length + 1] = (char)('0' + fraction / 10);
            _scratch[length + 2] = (char)('0' + fraction % 10);
            return _scratch.AsSpan(0, length + 3);
        }

        value.TryFormat(_scratch, out var written, "0.00", CultureInfo.InvariantCulture);
        return _scratch.AsSpan(0, written);
    }

    /// <summary>Formats a date as yyyy-MM-dd into the scratch buffer, digit by digit.</summary>
    private ReadOnlySpan<char> FormatDate(DateOnly date)
    {
        var year = date.Year;
        _scratch[0] = (char)('0' + year / 1000);
        _scratch[1] = (char)('0' + year / 100 % 10);
        _scratch[2] = (char)('0' + year / 10 % 10);
        _scratch[3] = (char)('0' + year % 10);
        _scratch[4] = '-';
        _scratch[5] = (char)('0' + date.Month / 10);
        _scratch[6] = (char)('0' + date.Month % 10);
        _scratch[7] = '-';
        _scratch[8] = (char)('0' + date.Day / 10);
        _scratch[9] = (char)('0' + date.Day % 10);
        return _scratch.AsSpan(0, 10);
    }

    private void WriteAmendment(MandateAmendment amendment)
    {
        writer.WriteElementString("AmdmntInd", "true");
        writer.WriteStartElement("AmdmntInfDtls");
        if (amendment.OriginalMandateId is not null)
        {
            writer.WriteElementString("OrgnlMndtId", amendment.OriginalMandateId);
        }

        if (amendment.OriginalCreditorId is not null)
        {
            WriteSchemeId("OrgnlCdtrSchmeId", amendment.OriginalCreditorId);
        }

        if (amendment.OriginalDebtorIban is not null)
        {
            WriteAccount("OrgnlDbtrAcct", amendment.OriginalDebtorIban);
        }

        writer.WriteEndElement();
    }

    private void WriteAccount(string element, string iban)
    {
        writer.WriteStartElement(element);
        writer.WriteStartElement("Id");
        writer.WriteElementString("IBAN", Iban.Normalize(iban));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>A financial institution by BIC, or "Othr/Id NOTPROVIDED" when the BIC is unknown (IBAN-only SEPA).</summary>
    private void WriteAgent(string element, string? bic)
    {
        writer.WriteStartElement(element);
        writer.WriteStartElement("FinInstnId");
        if (bic is not null)
        {
            writer.WriteElementString(BicElement, Iban.Normalize(bic));
        }
        else
        {
            writer.WriteStartElement("Othr");
            writer.WriteElementString("Id", Pain008Writer.NotProvidedId);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private void WriteSchemeId(string element, string creditorId)
    {
        writer.WriteStartElement(element);
        writer.WriteStartElement("Id");
        writer.WriteStartElement("PrvtId");
        writer.WriteStartElement("Othr");
        writer.WriteElementString("Id", Iban.Normalize(creditorId));
        writer.WriteStartElement("SchmeNm");
        writer.WriteElementString("Prtry", "SEPA");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
