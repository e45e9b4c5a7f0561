using Tijdig.Domain.Dunning;
using static Tijdig.Domain.Tests.Dunning.PolicyFixtures;

namespace Tijdig.Domain.Tests.Dunning;

/// <summary>The 14-day letter and what may follow it: the term as a date, the exact costs, termination with a claim.</summary>
public sealed class DunningEngineTerminationTests
{
    // Posted Thu 9 April 2026: presumed received Sat 11 April, the 14 days end Sat 25 April, which
    // moves past Sunday and Koningsdag (Mon 27 April) to Tue 28 April.
    private static readonly DateOnly LetterPosted = new(2026, 4, 9);
    private static readonly DateOnly TermEnd = new(2026, 4, 28);
    private static readonly DateOnly Due = LetterPosted.AddDays(-35);

    [Fact]
    public void Letter_StatesTermEndAndExactCosts()
    {
        var debtor = Debtor([Invoice("F1", Due, openCents: 300_00, level: 2), Invoice("F2", Due.AddDays(20), openCents: 200_00, level: 1)]);

        var letter = Assert.Single(Engine().Decide(debtor, LetterPosted));

        Assert.True(letter.IsStatutoryNotice);
        Assert.Equal(TermEnd, letter.StatutoryTermEnd);
        Assert.Equal(["F1", "F2"], letter.Invoices.Select(i => i.InvoiceNumber));

        // One letter over the sum of € 500: 15 % = € 75 (each invoice alone would give € 45 + € 40).
        Assert.Equal(75_00, letter.CollectionCosts!.TotalCents);
        Assert.Contains("28 april 2026", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("€ 75,00", letter.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(60, true)]
    public void Termination_WaitsForTermAndGrace(int daysAfterTermEnd, bool terminates)
    {
        var debtor = Debtor([Invoice("F1", Due, openCents: 300_00, level: 3, letterSentOn: LetterPosted)]);

        var decisions = Engine().Decide(debtor, TermEnd.AddDays(daysAfterTermEnd));

        Assert.Equal(terminates, decisions.Any(d => d.Kind == DecisionKind.Termination));
        Assert.DoesNotContain(decisions, d => d.IsStatutoryNotice);
    }

    [Fact]
    public void Termination_ClaimCarriesCostsInterestAndLetter()
    {
        var date = TermEnd.AddDays(5);
        var debtor = Debtor(
        [
            Invoice("F1", Due, openCents: 1_000_00, level: 3, letterSentOn: LetterPosted),
            Invoice("F2", LetterPosted.AddDays(5), openCents: 400_00, level: 0),
        ]);

        var claim = Assert.Single(Engine().Decide(debtor, date));

        Assert.Equal(DecisionKind.Termination, claim.Kind);
        Assert.Equal(["F1"], claim.Invoices.Select(i => i.InvoiceNumber));
        Assert.Equal(1_000_00, claim.AmountCents);
        Assert.Equal(150_00, claim.CollectionCosts!.TotalCents);
        Assert.Equal(LetterPosted, claim.StatutoryLetterSentOn);
        Assert.Equal(TermEnd, claim.StatutoryTermEnd);

        // 6 % on € 1,000 from 6 March 2026 (the day after the due date) up to 3 May 2026: 58 days, € 9.53.
        Assert.Equal(9_53, claim.InterestCents);
        Assert.Equal(4, claim.NewDunningLevel);
    }

    [Fact]
    public void Termination_NotWhileAClaimIsOpen()
    {
        var debtor = Debtor([Invoice("F1", Due, level: 3, letterSentOn: LetterPosted)]) with { HasOpenClaim = true };

        Assert.Empty(Engine().Decide(debtor, TermEnd.AddDays(30)));
    }

    [Fact]
    public void Letter_OncePerDebtorWhileItsTermRuns()
    {
        var debtor = Debtor(
        [
            Invoice("F1", Due, level: 3, letterSentOn: LetterPosted),
            Invoice("F2", Due.AddDays(10), level: 0),
        ]);

        // F2 is 40 days past due while the term of F1's letter runs; no second letter goes out.
        var decisions = Engine().Decide(debtor, Due.AddDays(50));

        Assert.Empty(decisions);
    }

    [Fact]
    public void Letter_SmallRecurringClaims_CappedPerSixMonths()
    {
        var debtor = Debtor(
            [Invoice("F1", Due, openCents: 250_00, level: 2), Invoice("F2", Due.AddDays(1), openCents: 250_00, level: 2), Invoice("F3", Due.AddDays(2), openCents: 250_00, level: 2), Invoice("F4", Due.AddDays(3), openCents: 250_00, level: 2)])
            with { RecentCollectionCostsCents = 40_00 };

        var letter = Assert.Single(Engine().Decide(debtor, LetterPosted));

        // The scale gives € 150 on € 1,000; the cap leaves € 140 − € 40 charged before = € 100.
        Assert.Equal(150_00, letter.CollectionCosts!.ScaleCents);
        Assert.Equal(100_00, letter.CollectionCosts.TotalCents);
        Assert.True(letter.CollectionCosts.CappedAsSmallRecurringClaim);
    }
}
