using Tijdig.Domain.Dunning.Law;

namespace Tijdig.Domain.Tests.Law;

public sealed class BalanceStatementTests
{
    private static readonly List<InterestRate> Rates = [new() { From = new(2024, 1, 1), PercentPerYear = 7m }];

    [Fact]
    public void Build_ListsOpenInvoicesWithInterestAndDeadline()
    {
        var requested = new DateOnly(2024, 7, 1);

        var statement = BalanceStatement.Build(
            "DEB1",
            requested,
            [
                ("F2", new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 15), 500_00),
                ("F1", new DateOnly(2023, 12, 18), new DateOnly(2023, 12, 31), 1_000_00),
                ("F3", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 15), 0),
            ],
            collectionCostsCents: 175_00,
            Rates);

        Assert.Equal(["F1", "F2"], statement.Lines.Select(l => l.InvoiceNumber));

        // F1: 182 days at 7 % on € 1,000 = € 34.90; F2: from 16 February, 136 days on € 500 = € 13.04.
        Assert.Equal(34_90, statement.Lines[0].InterestCents);
        Assert.Equal(13_04, statement.Lines[1].InterestCents);
        Assert.Equal(1_500_00, statement.PrincipalCents);
        Assert.Equal(1_500_00 + 34_90 + 13_04 + 175_00, statement.TotalCents);
        Assert.Equal(new DateOnly(2024, 7, 15), statement.AnswerBy);
        Assert.Equal(new DateOnly(2023, 12, 18), statement.Lines[0].IssueDate);
    }
}
