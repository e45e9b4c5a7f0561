namespace Tijdig.Domain.Dunning.Experiments;

public static class ExperimentPolicies
{
    /// <summary>
    /// Returns the policy a debtor in <paramref name="variant"/> gets: the variant's override, and for a
    /// hold-out the experiment's step removed. Removing the step from the policy, rather than dropping
    /// its message, lets the arrears ladder go on to the next step as it would without that step.
    /// </summary>
    public static DunningPolicy ForVariant(this DunningPolicy policy, DunningExperiment experiment, ExperimentVariant variant)
    {
        var result = variant.Override is { } overrides ? policy.WithOverride(overrides) : policy;
        if (!variant.HoldOut)
        {
            return result;
        }

        if (string.Equals(experiment.Step, PreReminderStep, StringComparison.OrdinalIgnoreCase))
        {
            return result.WithOverride(new SegmentOverride { PreReminderDaysBeforeDue = 0 });
        }

        var remaining = result.Steps.Where(s => !string.Equals(s.Key, experiment.Step, StringComparison.OrdinalIgnoreCase)).ToList();
        return result.WithOverride(new SegmentOverride { Steps = remaining });
    }

    /// <summary>The step key of the SMS Tikkie before the due date.</summary>
    public const string PreReminderStep = "pre-reminder";
}
