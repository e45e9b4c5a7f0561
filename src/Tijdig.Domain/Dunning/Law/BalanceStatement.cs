namespace Tijdig.Domain.Dunning.Law;

/// <summary>One open invoice on a balance statement: where the debt came from and what it amounts to today.</summary>
public sealed record BalanceLine(string InvoiceNumber, DateOnly IssueDate, DateOnly DueDate, long PrincipalCents, long InterestCents);

/// <summary>
/// A debtor's balance for a third party that settles debts, such as the public scheme for parents
/// hit by the childcare-benefits scandal: principal, statutory interest and collection costs per date
/// of origin. The creditor must answer such a request within two weeks (<see cref="AnswerBy"/>).
/// </summary>
public sealed record BalanceStatement(
    string DebtorNumber,
    DateOnly RequestedOn,
    DateOnly AnswerBy,
    IReadOnlyList<BalanceLine> Lines,
    long CollectionCostsCents)
{
    public long PrincipalCents => Lines.Sum(l => l.PrincipalCents);

    public long InterestCents => Lines.Sum(l => l.InterestCents);

    public long TotalCents => PrincipalCents + InterestCents + CollectionCostsCents;

    /// <summary>
    /// Builds the statement on <paramref name="requestedOn"/>. Interest runs per invoice from the day after
    /// its due date up to the request date; <paramref name="collectionCostsCents"/> are the costs already
    /// charged (a claim handed to an agency), never costs that are only announced.
    /// </summary>
    public static BalanceStatement Build(
        string debtorNumber,
        DateOnly requestedOn,
        IEnumerable<(string InvoiceNumber, DateOnly IssueDate, DateOnly DueDate, long OpenCents)> openInvoices,
        long collectionCostsCents,
        IReadOnlyList<InterestRate> rates)
    {
        var lines = openInvoices
            .Where(i => i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => new BalanceLine(
                i.InvoiceNumber,
                i.IssueDate,
                i.DueDate,
                i.OpenCents,
                StatutoryInterest.CalculateCents(i.OpenCents, i.DueDate.AddDays(1), requestedOn, rates)))
            .ToList();

        return new BalanceStatement(debtorNumber, requestedOn, requestedOn.AddDays(14), lines, collectionCostsCents);
    }
}
