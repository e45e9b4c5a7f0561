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

    private void WriteTransaction(DirectDebitTransaction tx)
    {
        writer.WriteStartElement("DrctDbtTxInf");
        writer.WriteStartElement("PmtId");
        writer.WriteElementString("EndToEndId", tx.EndToEndId);
        writer.WriteEndElement();

        writer.WriteStartElement("InstdAmt");
        writer.WriteAttributeString("Ccy", "EUR");
        tx.Amount.TryFormat(_scratch, out var amountLength, "0.00", CultureInfo.InvariantCulture);
        writer.WriteChars(_scratch.AsSpan(0, amountLength));
        writer.WriteEndElement();

        writer.WriteStartElement("DrctDbtTx");
        writer.WriteStartElement("MndtRltdInf");
        writer.WriteElementString("MndtId", tx.MandateId);
        writer.WriteStartElement("DtOfSgntr");
        tx.MandateSignatureDate.TryFormat(_scratch, out var dateLength, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteChars(_scratch.AsSpan(0, dateLength));
        writer.WriteEndElement();
        if (tx.Amendment is { } amendment)
        {
            WriteAmendment(amendment);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();

        WriteAgent("DbtrAgt", tx.DebtorBic);
        writer.WriteStartElement("Dbtr");
        writer.WriteElementString("Nm", Pain008Writer.Name(tx.DebtorName));
        writer.WriteEndElement();
        WriteAccount("DbtrAcct", tx.DebtorIban);

        if (!string.IsNullOrWhiteSpace(tx.RemittanceInformation))
        {
            writer.WriteStartElement("RmtInf");
            writer.WriteElementString("Ustrd", Pain008Writer.Remittance(tx.RemittanceInformation));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
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
