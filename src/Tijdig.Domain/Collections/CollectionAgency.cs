namespace Tijdig.Domain.Collections;

public enum AgencyAssignmentRule
{
    /// <summary>Agencies take claims in turn.</summary>
    RoundRobin,

    /// <summary>Each agency gets its <see cref="CollectionAgency.Percentage"/> of the claims.</summary>
    Percentage,

    /// <summary>The agency whose postcode range contains the debtor's postcode; round robin among several.</summary>
    Postcode,
}

/// <summary>A collection agency in configuration. Agencies must be registered with Justis (Wet kwaliteit incassodienstverlening).</summary>
public sealed class CollectionAgency
{
    /// <summary>A short key used in file names and on the command line, such as "noord".</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The Justis registration number.</summary>
    public string JustisNumber { get; set; } = "";

    public int Percentage { get; set; }

    /// <summary>The lowest four-digit postcode this agency takes, inclusive; null for no lower bound.</summary>
    public int? PostcodeFrom { get; set; }

    /// <summary>The highest four-digit postcode this agency takes, inclusive; null for no upper bound.</summary>
    public int? PostcodeTo { get; set; }

    /// <summary>The most claims per calendar month; null for no limit.</summary>
    public int? MonthlyMaximum { get; set; }

    public bool Covers(string? postcode)
    {
        if (PostcodeFrom is null && PostcodeTo is null)
        {
            return true;
        }

        if (postcode is null || postcode.Length < 4 || !int.TryParse(postcode.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits))
        {
            return false;
        }

        return (PostcodeFrom is null || digits >= PostcodeFrom) && (PostcodeTo is null || digits <= PostcodeTo);
    }
}

/// <summary>Chooses the agency for a new claim. Pure: the caller passes the counts of earlier claims.</summary>
public static class AgencyAssigner
{
    /// <summary>
    /// Returns the agency for a claim on a debtor with <paramref name="postcode"/>, or null when every
    /// eligible agency has reached its monthly maximum (a person must then decide).
    /// <paramref name="claimsThisMonth"/> and <paramref name="claimsInTotal"/> count earlier claims per agency key.
    /// </summary>
    public static CollectionAgency? Assign(
        AgencyAssignmentRule rule,
        IReadOnlyList<CollectionAgency> agencies,
        string? postcode,
        IReadOnlyDictionary<string, int> claimsThisMonth,
        IReadOnlyDictionary<string, int> claimsInTotal)
    {
        var open = agencies
            .Where(a => a.MonthlyMaximum is not { } max || claimsThisMonth.GetValueOrDefault(a.Key) < max)
            .ToList();
        if (rule == AgencyAssignmentRule.Postcode)
        {
            open = open.Where(a => a.Covers(postcode)).ToList();
        }

        if (open.Count == 0)
        {
            return null;
        }

        if (rule == AgencyAssignmentRule.Percentage)
        {
            // The agency furthest below its share of all claims so far gets the next one; ties go to list order.
            var total = claimsInTotal.Values.Sum() + 1;
            return open
                .OrderByDescending(a => a.Percentage * total / 100m - claimsInTotal.GetValueOrDefault(a.Key))
                .First();
        }

        // Round robin: the agency with the fewest claims so far, so that each sees the same mix.
        return open.OrderBy(a => claimsInTotal.GetValueOrDefault(a.Key)).First();
    }
}
