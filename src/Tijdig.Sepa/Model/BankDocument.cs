namespace Tijdig.Sepa.Model;

/// <summary>Which bank message a file holds, detected from its root element and namespace.</summary>
public enum BankMessageKind
{
    Camt052,
    Camt053,
    Camt054,
    Pain002,
    Mt940,
}

/// <summary>
/// A whole bank file read into memory. Account statements and notifications fill
/// <see cref="Statements"/>; a pain.002 fills <see cref="StatusReport"/>.
/// </summary>
public sealed record BankDocument(
    BankMessageKind Kind,
    string Namespace,
    string MessageId,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<BankStatement> Statements,
    PaymentStatusReport? StatusReport);

/// <summary>A camt.052/053/054 Rpt, Stmt or Ntfctn block, or one MT940 statement.</summary>
public sealed record BankStatement(
    string StatementId,
    string? AccountIban,
    string? Currency,
    long? ElectronicSequenceNumber,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<BankEntry> Entries);

public enum CreditDebit
{
    Credit,
    Debit,
}

/// <summary>ISO bank transaction code (domain, family, sub-family) plus the proprietary code.</summary>
public sealed record BankTransactionCode(string? Domain, string? Family, string? SubFamily, string? Proprietary)
{
    public bool Is(string domain, string family, string subFamily) =>
        Domain == domain && Family == family && SubFamily == subFamily;
}

/// <summary>One Ntry. <see cref="Amount"/> is always positive; <see cref="Direction"/> gives the sign.</summary>
public sealed record BankEntry(
    decimal Amount,
    string Currency,
    CreditDebit Direction,
    bool Reversal,
    string? Status,
    DateOnly? BookingDate,
    DateOnly? ValueDate,
    string? AccountServicerReference,
    BankTransactionCode? TransactionCode,
    string? AdditionalInformation,
    IReadOnlyList<EntryTransaction> Transactions)
{
    /// <summary>Amount with its sign: positive for credits, negative for debits.</summary>
    public decimal SignedAmount => Direction == CreditDebit.Credit ? Amount : -Amount;

    /// <summary>
    /// The first return found in <see cref="Transactions"/>, or else the /RTRN/ tag of
    /// <see cref="AdditionalInformation"/>; null when the entry is no return.
    /// Set for entries without TxDtls too, which have no transaction to carry it.
    /// </summary>
    public ReturnInformation? Return { get; init; }
}

/// <summary>One TxDtls inside an entry (a batch entry has several).</summary>
public sealed record EntryTransaction(
    decimal? Amount,
    CreditDebit? Direction,
    string? EndToEndId,
    string? MandateId,
    string? InstructionId,
    string? PaymentInformationId,
    string? MessageId,
    string? AccountServicerReference,
    string? CounterpartyName,
    string? CounterpartyIban,
    string? RemittanceUnstructured,
    string? RemittanceStructured,
    ReturnInformation? Return,
    string? AdditionalInformation,
    decimal? Charges);

/// <summary>Why a direct debit came back: RtrInf, or the /RTRN/ tag in the entry text as a fallback.</summary>
public sealed record ReturnInformation(string? ReasonCode, string? Originator, string? AdditionalInformation);

/// <summary>A pain.002 customer payment status report.</summary>
public sealed record PaymentStatusReport(
    string OriginalMessageId,
    string? OriginalMessageType,
    string? GroupStatus,
    IReadOnlyList<PaymentStatusBatch> Batches)
{
    /// <summary>The reason of a group-level status (OrgnlGrpInfAndSts/StsRsnInf), such as the reason a whole file was rejected.</summary>
    public string? GroupReasonCode { get; init; }
}

public sealed record PaymentStatusBatch(
    string? OriginalPaymentInformationId,
    string? Status,
    string? ReasonCode,
    IReadOnlyList<PaymentStatusTransaction> Transactions);

public sealed record PaymentStatusTransaction(
    string? OriginalEndToEndId,
    string? OriginalInstructionId,
    string? Status,
    string? ReasonCode,
    string? AdditionalInformation,
    decimal? Amount,
    string? MandateId,
    DateOnly? RequestedCollectionDate,
    string? DebtorName,
    string? DebtorIban);
