namespace Tijdig.Sepa.Writing;

/// <summary>What <see cref="Pain008Writer.Write"/> wrote, to store for matching the bank's answers later.</summary>
public sealed record Pain008WriteResult(
    string MessageId,
    int TransactionCount,
    decimal ControlSum,
    IReadOnlyList<WrittenPaymentInformation> PaymentInformation);

/// <summary>One PmtInf block: all collections with the same date, sequence type and local instrument.</summary>
public sealed record WrittenPaymentInformation(
    string PaymentInformationId,
    DateOnly CollectionDate,
    SequenceType SequenceType,
    string LocalInstrument,
    int Count,
    decimal ControlSum,
    IReadOnlyList<string> EndToEndIds);
