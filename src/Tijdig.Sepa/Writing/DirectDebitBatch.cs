namespace Tijdig.Sepa.Writing;

/// <summary>One pain.008 file: the creditor and all collections it asks for.</summary>
public sealed record DirectDebitBatch(
    string MessageId,
    DateTimeOffset CreatedAt,
    string CreditorName,
    string CreditorIban,
    string? CreditorBic,
    string CreditorId,
    IReadOnlyList<DirectDebitTransaction> Transactions);

/// <summary>
/// One collection. <see cref="LocalInstrument"/> is CORE or B2B. <see cref="Amount"/> is in euro with at most two decimals.
/// </summary>
public sealed record DirectDebitTransaction(
    string EndToEndId,
    decimal Amount,
    DateOnly CollectionDate,
    SequenceType SequenceType,
    string MandateId,
    DateOnly MandateSignatureDate,
    string DebtorName,
    string DebtorIban,
    string? DebtorBic,
    string? RemittanceInformation,
    string LocalInstrument = "CORE",
    MandateAmendment? Amendment = null);

/// <summary>
/// What changed in the mandate since the last collection; each non-null value is the old value
/// (AmdmntInfDtls). A changed debtor account at the same bank is sent as OriginalDebtorIban.
/// </summary>
public sealed record MandateAmendment(string? OriginalMandateId, string? OriginalCreditorId, string? OriginalDebtorIban);
