namespace Tijdig.Sepa.Returns;

/// <summary>The SEPA direct debit R-transactions a reason code can appear in.</summary>
[Flags]
public enum RTransactionTypes
{
    None = 0,
    Reject = 1,
    Refusal = 2,
    Return = 4,
    Refund = 8,
    Reversal = 16,
}
