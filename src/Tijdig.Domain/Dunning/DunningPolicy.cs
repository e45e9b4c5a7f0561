using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Domain.Dunning;

/// <summary>
/// One version of the dunning policy as data. The host binds it from configuration (section
/// "Dunning"); nothing here carries a default step, so the configured policy is the only source.
/// A version applies from <see cref="ActiveFrom"/> until the next version's activation date.
/// </summary>
public sealed class DunningPolicy
{
    /// <summary>A name the back office shows, such as "2026-01".</summary>
    public string Version { get; set; } = "default";

    public DateOnly ActiveFrom { get; set; } = DateOnly.MinValue;

    /// <summary>Days before the due date on which a manual payer gets the SMS Tikkie pre-reminder; 0 sends none.</summary>
    public int PreReminderDaysBeforeDue { get; set; }

    /// <summary>Below this open total no reminder goes out.</summary>
    public long MinimumAmountCents { get; set; }

    /// <summary>Arrears steps in order; one of them is the statutory 14-day letter.</summary>
    public List<ArrearsStep> Steps { get; set; } = [];

    /// <summary>Days the statutory letter gives the debtor to pay, counted from the day after receipt.</summary>
    public int StatutoryTermDays { get; set; } = 14;

    /// <summary>Days after the last day of the statutory term on which the termination and the claim follow.</summary>
    public int TerminationGraceDays { get; set; }

    public List<MessageChannel> TerminationChannels { get; set; } = [];

    /// <summary>Return reasons after which a Tikkie is sent (insufficient funds and the like).</summary>
    public List<string> PaymentRequestReasonCodes { get; set; } = [];

    /// <summary>Return reasons where collecting again is pointless: the debtor moves to manual payment and a person takes the case.</summary>
    public List<string> ManualPaymentReasonCodes { get; set; } = [];

    public RepresentationPolicy Representation { get; set; } = new();

    /// <summary>Tikkie expiry in days per purpose.</summary>
    public Dictionary<PaymentRequestPurpose, int> PaymentRequestExpiryDays { get; set; } = [];

    public CollectionCostRule CollectionCosts { get; set; } = new();

    /// <summary>Statutory interest rates by date (art. 6:119 BW); the operator adds each half-year's rate.</summary>
    public List<InterestRate> InterestRates { get; set; } = [];

    /// <summary>When false the interest is waived in messages and claims show it as computed but not charged.</summary>
    public bool ChargeInterest { get; set; }

    /// <summary>Postal days until presumed receipt of a letter, by posting date.</summary>
    public List<ReceiptOffset> ReceiptOffsets { get; set; } = [];

    /// <summary>Days equated to general holidays by royal decree (such as the Friday after Ascension).</summary>
    public List<DateOnly> ExtraHolidays { get; set; } = [];

    /// <summary>Overrides per segment name ("new-customer", "late-payer", "hardship").</summary>
    public Dictionary<string, SegmentOverride> Segments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Collection agencies that receive claims, with their Justis registration numbers.</summary>
    public List<CollectionAgency> Agencies { get; set; } = [];

    public AgencyAssignmentRule AgencyAssignment { get; set; } = AgencyAssignmentRule.RoundRobin;

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

    /// <summary>The 1-based level of the statutory letter among <see cref="Steps"/>, or 0 when there is none.</summary>
    public int StatutoryLevel => Steps.FindIndex(s => s.IsStatutoryNotice) + 1;

    /// <summary>Returns this policy with the overrides of <paramref name="segment"/> applied, or itself when there are none.</summary>
    public DunningPolicy ForSegment(string? segment)
    {
        if (segment is null || !Segments.TryGetValue(segment, out var overrides))
        {
            return this;
        }

        return WithOverride(overrides);
    }

    /// <summary>Returns a copy of this policy with <paramref name="overrides"/> applied and no segments.</summary>
    public DunningPolicy WithOverride(SegmentOverride overrides)
    {
        var copy = (DunningPolicy)MemberwiseClone();
        copy.Segments = new(StringComparer.OrdinalIgnoreCase);
        copy.PreReminderDaysBeforeDue = overrides.PreReminderDaysBeforeDue ?? PreReminderDaysBeforeDue;
        copy.MinimumAmountCents = overrides.MinimumAmountCents ?? MinimumAmountCents;
        copy.TerminationGraceDays = overrides.TerminationGraceDays ?? TerminationGraceDays;
        copy.Steps = overrides.Steps is { Count: > 0 } steps ? steps : Steps;
        copy.Representation = overrides.MaxRepresentations is { } max
            ? Representation.WithMaxAttempts(max)
            : Representation;
        return copy;
    }

    /// <summary>Returns the problems that make this policy unlawful or unusable; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ValidateSteps(Version, "", Steps, errors);
        foreach (var (name, segment) in Segments)
        {
            if (segment.Steps is { Count: > 0 } steps)
            {
                ValidateSteps(Version, $" segment {name}", steps, errors);
            }
        }

        foreach (var code in Representation.ReasonCodes.Intersect(RepresentationPolicy.NeverRepresent, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Policy {Version}: a collection returned with {code} must never be presented again; remove it from Representation.ReasonCodes.");
        }

        if (StatutoryTermDays < 14)
        {
            errors.Add($"Policy {Version}: StatutoryTermDays is {StatutoryTermDays}; the law requires at least 14.");
        }

        return errors;
    }

    private static void ValidateSteps(string version, string where, List<ArrearsStep> steps, List<string> errors)
    {
        if (steps.Count(s => s.IsStatutoryNotice) > 1)
        {
            errors.Add($"Policy {version}{where}: more than one step is the statutory letter.");
        }

        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i].DaysPastDue <= steps[i - 1].DaysPastDue)
            {
                errors.Add($"Policy {version}{where}: step {steps[i].Key} must come later than {steps[i - 1].Key}.");
            }
        }
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

/// <summary>What a segment changes in the policy; null keeps the policy's value.</summary>
public sealed class SegmentOverride
{
    public int? PreReminderDaysBeforeDue { get; set; }

    public long? MinimumAmountCents { get; set; }

    public int? TerminationGraceDays { get; set; }

    public int? MaxRepresentations { get; set; }

    public List<ArrearsStep>? Steps { get; set; }
}
