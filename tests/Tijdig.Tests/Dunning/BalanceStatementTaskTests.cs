using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Dunning.Law;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning;

/// <summary>The two-week deadline task of a toeslagenaffaire balance statement: opened on request, shown with its due date, closed on delivery.</summary>
public sealed partial class BalanceStatementTaskTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private const string Debtors = LedgerFixtures.DebtorHeader + "\nTOE1,Ouder Toeslagen,toe1@example.nl,0612345170,,,,,Transfer,nl,C1\n";

    private const string Invoices = LedgerFixtures.InvoiceHeader + "\nF-TOE-1,TOE1,2025-12-15,2026-01-01,250.00,\nF-TOE-2,TOE1,2026-01-15,2026-02-01,250.00,\n";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Request_OpensTaskDueInFourteenDays_DeliveryClosesIt(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var ledger = await TestLedger.CreateAsync(Today, provider);
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(Invoices))).Success);

        var (task, statement) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, Domain.Dunning.Law.BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        var (again, _) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, Domain.Dunning.Law.BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));

        Assert.Equal(new DateOnly(2026, 3, 16), task.DueOn);
        Assert.Equal(task.WorkItemId, again.WorkItemId);
        Assert.Equal(500_00, statement.PrincipalCents);
        Assert.True(statement.InterestCents > 0, "statutory interest is always shown on a balance statement");
        var item = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Queue == BalanceStatements.Queue));
        Assert.Equal(new DateOnly(2026, 3, 16), item.DueOn);
        Assert.Null(item.ResolvedOn);
        Assert.False(item.IsOverdue(new DateOnly(2026, 3, 16)));
        Assert.True(item.IsOverdue(new DateOnly(2026, 3, 17)));

        await ledger.RunAsync<BalanceStatements, BalanceStatementTask>(s => s.MarkDeliveredAsync(task.WorkItemId, new DateOnly(2026, 3, 10), CancellationToken.None));

        var resolved = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Queue == BalanceStatements.Queue));
        Assert.Equal(new DateOnly(2026, 3, 10), resolved.ResolvedOn);
        Assert.False(resolved.IsOverdue(new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public async Task Request_UnknownDebtorIsUsageError()
    {
        await using var ledger = await TestLedger.CreateAsync(Today);

        var error = await Assert.ThrowsAsync<UsageException>(() => ledger.RunAsync<BalanceStatements, (BalanceStatementTask, Domain.Dunning.Law.BalanceStatement)>(s => s.RequestAsync("NOPE", Today, CancellationToken.None)));

        Assert.Contains("niet gevonden", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_ShowDueDateOverdueAndDelivery()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(Invoices))).Success);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = app.BaseAddress };

        // 00:30 in Amsterdam on 21 March is still 20 March in UTC: the request date is the Amsterdam date.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 23, 30, 0, TimeSpan.Zero));
        var form = await client.GetStringAsync(new Uri("beheer/beleid/saldo-opgaven", UriKind.Relative));
        using var request = await client.PostAsync(new Uri("beheer/beleid/saldo-opgaven?handler=Request", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["DebtorNumber"] = "TOE1",
        }));
        var requested = WebUtility.HtmlDecode(await request.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Contains("aanleveren uiterlijk 4 apr 2026", requested, StringComparison.Ordinal);
        Assert.Contains("F-TOE-2", requested, StringComparison.Ordinal);
        var item = await app.QueryAsync(db => db.WorkItems.SingleAsync());
        Assert.Equal(new DateOnly(2026, 3, 21), item.CreatedOn);
        Assert.Equal(new DateOnly(2026, 4, 4), item.DueOn);

        var onTime = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));
        Assert.Contains("Saldo-opgave", onTime, StringComparison.Ordinal);
        Assert.Contains("4 apr 2026", onTime, StringComparison.Ordinal);
        Assert.DoesNotContain("te laat", onTime, StringComparison.Ordinal);

        app.SetToday(new DateOnly(2026, 4, 5));
        var late = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer/beleid/saldo-opgaven", UriKind.Relative)));
        Assert.Matches("<tr class=\"late\" data-testid=\"work-item\">[^§]*?4 apr 2026 – te laat", late);
        Assert.Matches("<tr data-testid=\"statement-row\" class=\"late\">[^§]*?4 apr 2026 – te laat", list);

        using var delivered = await client.PostAsync(new Uri($"beheer/beleid/saldo-opgaven?handler=Delivered&id={item.Id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(list),
        }));

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var closed = await app.QueryAsync(db => db.WorkItems.SingleAsync());
        Assert.Equal(new DateOnly(2026, 4, 5), closed.ResolvedOn);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer", UriKind.Relative)));
        Assert.DoesNotContain("te laat", after, StringComparison.Ordinal);
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
