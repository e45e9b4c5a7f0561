namespace Tijdig.Sepa.Returns;

/// <summary>What the dunning process should do after a failed collection.</summary>
public enum ReturnAction
{
    /// <summary>Collect again (herincasso) once, a few business days later.</summary>
    Represent,

    /// <summary>Keep the mandate, but ask for this amount with a payment request (for example a Tikkie link).</summary>
    PaymentRequest,

    /// <summary>The mandate or account cannot be collected from; stop collecting and ask for manual payment.</summary>
    SwitchToManualPayment,

    /// <summary>A person must look: a dispute, a data or configuration error, or a deceased debtor.</summary>
    Human,
}
