namespace Tijdig.Domain.Dunning.Experiments;

/// <summary>
/// A policy experiment: from <see cref="StartsOn"/> to <see cref="EndsOn"/> (both inclusive) each
/// debtor is assigned to one variant by a stable hash of <see cref="Key"/> and the debtor number, so
/// no assignment table is needed and a debtor stays in the same variant on every run.
/// </summary>
public sealed class DunningExperiment
{
    /// <summary>A unique name, such as "pre-reminder-2026". It is part of the hash, so renaming it reshuffles the debtors.</summary>
    public string Key { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>The step whose effect is measured, such as "pre-reminder" or "reminder-1". A hold-out variant skips it.</summary>
    public string Step { get; set; } = "pre-reminder";

    public List<ExperimentVariant> Variants { get; set; } = [];

    public bool IsActiveOn(DateOnly date) => StartsOn <= date && date <= EndsOn;

    /// <summary>Returns the problems that make this experiment unusable, or an empty list when it is valid.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyList<DunningPolicy> versions)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Key))
        {
            errors.Add("Experiment without a Key: give every entry of Dunning:Experiments a unique key.");
        }

        if (EndsOn < StartsOn)
        {
            errors.Add($"Experiment {Key}: EndsOn {EndsOn:yyyy-MM-dd} is before StartsOn {StartsOn:yyyy-MM-dd}.");
        }

        if (Variants.Count == 0 || Variants.Any(v => v.Weight < 0) || Variants.Sum(v => v.Weight) <= 0)
        {
            errors.Add($"Experiment {Key}: needs at least one variant, weights of 0 or more and a positive total weight.");
        }

        if (Variants.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Variants.Count)
        {
            errors.Add($"Experiment {Key}: variant names must be unique.");
        }

        var steps = versions.SelectMany(v => v.Steps).Where(s => string.Equals(s.Key, Step, StringComparison.OrdinalIgnoreCase)).ToList();
        if (!string.Equals(Step, ExperimentPolicies.PreReminderStep, StringComparison.OrdinalIgnoreCase) && steps.Count == 0)
        {
            errors.Add($"Experiment {Key}: step '{Step}' not found; use \"pre-reminder\" or the key of an arrears step.");
        }

        // The law requires the statutory letter before termination, so no group may go without it.
        if (Variants.Any(v => v.HoldOut) && steps.Any(s => s.IsStatutoryNotice))
        {
            errors.Add($"Experiment {Key}: a hold-out may not skip the statutory letter {Step}.");
        }

        return errors;
    }
}

/// <summary>One arm of an experiment.</summary>
public sealed class ExperimentVariant
{
    /// <summary>The name reports show, such as "control" or "hold-out".</summary>
    public string Name { get; set; } = "";

    /// <summary>Relative share of debtors, so weights 1 and 1 split them evenly.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>What this variant changes in the policy, or null to keep the policy as it is.</summary>
    public SegmentOverride? Override { get; set; }

    /// <summary>True for the hold-out group: the experiment's step is not taken for its debtors.</summary>
    public bool HoldOut { get; set; }
}
