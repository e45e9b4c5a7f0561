namespace Tijdig.Arrangements;

/// <summary>What a parent may book without a person looking at it (section "Arrangements").</summary>
public sealed class ArrangementSettings
{
    public int MinimumInstalments { get; set; } = 2;

    public int MaximumInstalments { get; set; } = 12;

    /// <summary>Below this open balance an arrangement is not offered: a Tikkie is simpler.</summary>
    public long MinimumBalanceCents { get; set; } = 50_00;

    /// <summary>Days from booking to the first instalment; later ones follow monthly.</summary>
    public int DaysToFirstInstalment { get; set; } = 7;

    /// <summary>Days before each instalment's due date on which the SMS Tikkie goes out.</summary>
    public int ReminderDaysBeforeDue { get; set; } = 3;

    /// <summary>Days an instalment may be late before the arrangement counts as broken and dunning resumes.</summary>
    public int MissedInstalmentGraceDays { get; set; } = 14;
}
