using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Arrangements;
using Tijdig.Domain.Arrangements;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Dunning;
using Tijdig.Messaging.Links;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Arrangements;

public sealed partial class ArrangementTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public async Task Book_SplitsBalanceAndPausesDunning()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "1000.01");

        var result = await app.RunAsync(s => s.GetRequiredService<BookArrangement>().RunAsync("A1", 3, "portal", CancellationToken.None));

        Assert.Equal(ArrangementOutcome.Booked, result.Outcome);
        var instalments = result.Arrangement!.Instalments.OrderBy(i => i.Number).ToList();
        Assert.Equal([333_35, 333_33, 333_33], instalments.Select(i => i.AmountCents));
        Assert.Equal([Today.AddDays(7), Today.AddDays(7).AddMonths(1), Today.AddDays(7).AddMonths(2)], instalments.Select(i => i.DueDate));
        var debtor = await app.QueryAsync(db => db.Debtors.SingleAsync());
        Assert.Equal(Today.AddDays(7).AddMonths(2).AddDays(14), debtor.DunningPausedUntil);

        await app.RunAsync(s => s.GetRequiredService<Outbox.OutboxDispatcher>().DispatchAsync(CancellationToken.None));
        var confirmation = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.Step == "arrangement-confirmation"));
        Assert.Equal(MessageStatus.Sent, confirmation.Status);
        Assert.Contains("333,35", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("Termijn 3", confirmation.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nothing-open", ArrangementOutcome.NothingOpen)]
    [InlineData("too-low", ArrangementOutcome.BalanceTooLow)]
    [InlineData("twice", ArrangementOutcome.AlreadyActive)]
    [InlineData("unknown", ArrangementOutcome.UnknownDebtor)]
    public async Task Book_LeavesHardCasesToPeople(string situation, ArrangementOutcome expected)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, situation == "too-low" ? "20.00" : "300.00");
        if (situation == "nothing-open")
        {
            await app.QueryAsync(async db =>
            {
                await db.Invoices.ExecuteUpdateAsync(i => i.SetProperty(x => x.OpenCents, 0));
                return 0;
            });
        }

        if (situation == "twice")
        {
            await app.RunAsync(s => s.GetRequiredService<BookArrangement>().RunAsync("A1", 2, "portal", CancellationToken.None));
        }

        var number = situation == "unknown" ? "A404" : "A1";
        var result = await app.RunAsync(s => s.GetRequiredService<BookArrangement>().RunAsync(number, 2, "portal", CancellationToken.None));

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Instalments_GetSmsTikkieAndCompleteWhenPaid()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "200.00");
        await app.RunAsync(s => s.GetRequiredService<BookArrangement>().RunAsync("A1", 2, "portal", CancellationToken.None));
        var firstDue = Today.AddDays(7);

        var reminderDay = firstDue.AddDays(-3);
        app.SetToday(reminderDay);
        var run = await RunDayAsync(app, reminderDay);

        Assert.Equal(1, run.Arrangements!.Reminders);
        var request = await app.QueryAsync(db => db.PaymentRequests.SingleAsync(r => r.Purpose == PaymentRequestPurpose.Instalment));
        Assert.Equal(100_00, request.AmountCents);
        var sms = await app.QueryAsync(db => db.Outbox.SingleAsync(m => m.Step == "instalment-reminder"));
        Assert.Equal(MessageChannel.Sms, sms.Channel);
        Assert.Equal(MessageStatus.Sent, sms.Status);
        Assert.Equal(request.Url, sms.PaymentLink);

        using var http = app.CreateClient();
        var paid = await http.PostAsync(new Uri(request.Url!).PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["bank"] = "INGB" }));
        Assert.True(paid.IsSuccessStatusCode);
        // The notification usually books it first; the poll is the fallback and books nothing twice.
        await app.RunAsync(s => s.GetRequiredService<Payments.TikkiePaymentIntake>().PollAsync(CancellationToken.None));
        Assert.Equal(100_00, await app.QueryAsync(db => db.Invoices.SumAsync(i => i.OpenCents)));

        // The same day again reminds nothing twice.
        var again = await RunDayAsync(app, reminderDay);
        Assert.Equal(0, again.Arrangements!.Reminders);

        // The second instalment paid by bank transfer completes the arrangement and lifts the pause.
        await app.QueryAsync(async db =>
        {
            var invoice = await db.Invoices.SingleAsync();
            invoice.OpenCents = 0;
            await db.SaveChangesAsync();
            return 0;
        });
        var end = firstDue.AddMonths(1).AddDays(-3);
        app.SetToday(end);
        var last = await RunDayAsync(app, end);
        Assert.Equal(1, last.Arrangements!.Completed);
        var debtor = await app.QueryAsync(db => db.Debtors.SingleAsync());
        Assert.Null(debtor.DunningPausedUntil);
    }

    [Fact]
    public async Task MissedInstalment_BreaksArrangementAndResumesDunning()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "300.00", dueDaysAgo: 10);
        await app.RunAsync(s => s.GetRequiredService<BookArrangement>().RunAsync("A1", 3, "portal", CancellationToken.None));

        var late = Today.AddDays(7 + 15);
        app.SetToday(late);
        var run = await RunDayAsync(app, late);

        Assert.Equal(1, run.Arrangements!.Broken);
        Assert.Equal(ArrangementStatus.Broken, await app.QueryAsync(db => db.Arrangements.Select(a => a.Status).SingleAsync()));
        Assert.True(await app.QueryAsync(db => db.WorkItems.AnyAsync(w => w.Queue == "arrangements")));
        Assert.True(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.BusinessDate == late && m.Step.StartsWith("reminder"))));
    }

    [Fact]
    public async Task Portal_AnswersAlikeAndBooksKnownDebtor()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "450.00");

        var known = await PostArrangementAsync(app, "A1", 3);
        var unknown = await PostArrangementAsync(app, "A999", 3);

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Confirmation, unknown.Confirmation);
        Assert.NotEmpty(known.Confirmation);
        await WaitUntilAsync(app, db => db.Arrangements.AnyAsync());
        var arrangement = await app.QueryAsync(db => db.Arrangements.Include(a => a.Instalments).SingleAsync());
        Assert.Equal(3, arrangement.Instalments.Count);
        Assert.Equal("portal", arrangement.Channel);
    }

    [Fact]
    public async Task SignedLink_ShowsBalanceAndBooks()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "450.00");
        var link = app.Services.GetRequiredService<ArrangementLinks>().Create(app.BaseAddress.ToString(), "A1", Today.AddDays(30));
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };

        var page = await http.GetStringAsync(link);
        Assert.Contains("Noor Visser", page, StringComparison.Ordinal);
        Assert.Contains("450,00", page, StringComparison.Ordinal);

        var form = new Dictionary<string, string>(FormFields().Matches(page).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))))
        {
            ["Instalments"] = "4",
        };
        var booked = await http.PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent(form));
        var body = await booked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Contains("data-testid=\"arrangement-status\"", body, StringComparison.Ordinal);
        var arrangement = await app.QueryAsync(db => db.Arrangements.Include(a => a.Instalments).SingleAsync());
        Assert.Equal(4, arrangement.Instalments.Count);
        Assert.Equal("e-mail-link", arrangement.Channel);
        Assert.True(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.Step == "arrangement-confirmation" && m.Status == MessageStatus.Sent)));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("none")]
    public async Task SignedLink_InvalidShowsNothingPersonal(string kind)
    {
        await using var app = await TestWebApp.StartAsync(Today);
        await SeedAsync(app, "450.00");
        var link = app.Services.GetRequiredService<ArrangementLinks>().Create(app.BaseAddress.ToString(), "A1", Today.AddDays(30));
        var target = kind == "none" ? "/betalingsregeling" : link.Replace("d=A1", "d=A2", StringComparison.Ordinal);
        using var http = app.CreateClient();

        var page = await http.GetStringAsync(target);

        Assert.Contains("data-testid=\"link-invalid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Noor Visser", page, StringComparison.Ordinal);
        Assert.DoesNotContain("450,00", page, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Confirmation)> PostArrangementAsync(TestWebApp app, string debtorNumber, int instalments)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var page = await http.GetStringAsync("/");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var response = await http.PostAsync("/?handler=Arrangement", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Arrangement.DebtorNumber"] = debtorNumber,
            ["Arrangement.Instalments"] = instalments.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
        var body = await response.Content.ReadAsStringAsync();
        var confirmation = Confirmation().Match(body).Groups[1].Value;
        return (response.StatusCode, confirmation);
    }

    private static async Task SeedAsync(TestWebApp app, string amount, int dueDaysAgo = 3)
    {
        var debtors = string.Join('\n', LedgerFixtures.DebtorHeader, "A1,Noor Visser,noor@example.nl,0612345678,,,,,Transfer,nl,");
        var invoices = string.Join('\n', LedgerFixtures.InvoiceHeader, $"F1,A1,{Today.AddDays(-dueDaysAgo - 14):yyyy-MM-dd},{Today.AddDays(-dueDaysAgo):yyyy-MM-dd},{amount},");
        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(debtors))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(invoices))).Success);
    }

    private static Task<DailyCycleResult> RunDayAsync(TestWebApp app, DateOnly date) =>
        app.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(date, dispatch: true, CancellationToken.None));

    private static async Task WaitUntilAsync(TestWebApp app, Func<Data.TijdigDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await app.QueryAsync(condition))
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 30 seconds.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex("<input[^>]*?name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"")]
    private static partial Regex FormFields();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<p class=\"confirmation\">([^<]+)</p>")]
    private static partial Regex Confirmation();
}
