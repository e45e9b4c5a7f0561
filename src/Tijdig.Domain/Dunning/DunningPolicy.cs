using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Domain.Dunning;

/// <summary>
/// The dunning policy as data. The host binds it from configuration (section "Dunning");
/// nothing here carries a default step, so the configured policy is the only source.
/// </summary>
public sealed class DunningPolicy
{
    /// <summary>Days before the due date on which a manual payer gets the SMS Tikkie pre-reminder.</summary>
    public int PreReminderDaysBeforeDue { get; set; }

    /// <summary>Below this open total no reminder goes out.</summary>
    public long MinimumAmountCents { get; set; }

    /// <summary>Arrears steps in order; the last one is the statutory 14-day letter.</summary>
    public List<ArrearsStep> Steps { get; set; } = [];

    /// <summary>Days the statutory letter gives the debtor to pay.</summary>
    public int StatutoryTermDays { get; set; }

    /// <summary>Days after the statutory term before the contract is marked for termination.</summary>
    public int TerminationGraceDays { get; set; }

    public List<MessageChannel> TerminationChannels { get; set; } = [];

    /// <summary>Return reasons after which a Tikkie is sent (insufficient funds and the like).</summary>
    public List<string> PaymentRequestReasonCodes { get; set; } = [];

    /// <summary>Return reasons where collecting again is pointless: the debtor moves to manual payment and a person takes the case.</summary>
    public List<string> ManualPaymentReasonCodes { get; set; } = [];

    /// <summary>Tikkie expiry in days per purpose.</summary>
    public Dictionary<PaymentRequestPurpose, int> PaymentRequestExpiryDays { get; set; } = [];

    /// <summary>Collection agencies that receive claims, assigned in turn.</summary>
    public List<string> Agencies { get; set; } = [];

    public int ExpiryDaysFor(PaymentRequestPurpose purpose) =>
        PaymentRequestExpiryDays.TryGetValue(purpose, out var days) ? days : 14;

    public ReturnHandling HandlingFor(string? reasonCode)
    {
        var code = reasonCode?.Trim().ToUpperInvariant() ?? "";

        if (ManualPaymentReasonCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            return ReturnHandling.SwitchToManualPayment;
        }

        return ReturnHandling.PaymentRequest;
    }
}

public enum ReturnHandling
{
    PaymentRequest,
    SwitchToManualPayment,
}

/// <summary>One rung of the arrears ladder.</summary>
public sealed class ArrearsStep
{
    /// <summary>Template key, such as "reminder-1".</summary>
    public string Key { get; set; } = "";

    public int DaysPastDue { get; set; }

    public List<MessageChannel> Channels { get; set; } = [];

    public bool SendPaymentRequest { get; set; }

    /// <summary>True for the statutory 14-day letter, which must precede termination.</summary>
    public bool IsStatutoryNotice { get; set; }
}
