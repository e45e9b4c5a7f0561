using Microsoft.Extensions.DependencyInjection;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning.Replay;
using Tijdig.Tests.Infrastructure;
using static Tijdig.Tests.Dunning.Replay.ReplaySeed;

namespace Tijdig.Tests.Dunning.Replay;

/// <summary>The replay loader, the use case and the <c>policy replay</c> verb on a seeded ledger.</summary>
public sealed class ReplayHostTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Loader_ReadsWindowMessagesAndPaidDays(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var ledger = await TestLedger.CreateAsync(WindowEnd, provider);
        await ledger.RunAsync(async s => { await WriteAsync(s); return 0; });

        var history = await ledger.RunAsync<ReplayHistoryLoader, ReplayHistory>(l => l.LoadAsync(WindowEnd, 6, CancellationToken.None));

        Assert.Equal(new DateOnly(2026, 6, 2), history.From);
        Assert.Equal(60, history.Invoices.Count);
        Assert.DoesNotContain(history.Invoices, i => i.InvoiceNumber == "F-OLD");
        Assert.Equal("late-payer", history.Invoices.Single(i => i.DebtorNumber == "R25").Segment);
        Assert.Equal(40 * 2 + 15 + 10, history.Messages.Count);

        var paid = history.Observed.ToDictionary(i => i.InvoiceNumber, i => i.PaidOn);
        Assert.Equal(Due.AddDays(-1), paid["F-R20"]);
        Assert.Equal(Due.AddDays(9), paid["F-R21"]);
        Assert.Equal(Due.AddDays(22), paid["F-R50"]);
        Assert.Null(paid["F-R51"]);

        var behaviour = PaymentBehaviourEstimator.Estimate(history.Observed, history.Messages, 14, 30);
        Assert.Equal(20.0 / 60, behaviour.PaidOnTimeRate, 10);
        var sms = behaviour.RateFor("reminder-1", MessageChannel.Sms, "late-payer");
        Assert.Equal((RateLevel.StepChannel, 40, 25), (sms.Level, sms.Observations, sms.Paid));
        var second = behaviour.RateFor("reminder-2", MessageChannel.Sms, null);
        Assert.Equal((RateLevel.Step, 15, 5), (second.Level, second.Observations, second.Paid));
        Assert.Equal(0, behaviour.RateFor("last-chance", MessageChannel.Letter, null).Rate);
    }

    [Fact]
    public async Task Verb_PrintsBothPoliciesSideBySide()
    {
        await using var ledger = await TestLedger.CreateAsync(WindowEnd);
        await ledger.RunAsync(async s => { await WriteAsync(s); return 0; });
        var candidate = Path.Combine(ledger.DataDirectory, "kandidaat.json");
        await File.WriteAllTextAsync(candidate, EarlierReminderCandidate());

        var (exitCode, text) = await RunVerbAsync(ledger, "policy", "replay", "--candidate", candidate, "--months", "6", "--seed", "3", "--date", "2026-12-01");

        Assert.True(exitCode == 0, text);
        Assert.Contains("Wat-als-herhaling van 2026-06-02 tot en met 2026-12-01 (6 maanden, 60 facturen, seed 3)", text, StringComparison.Ordinal);
        Shows(text, @"\n\s+Actief 2026-01\s+Kandidaat vroeg\n");
        Shows(text, @"Openstaand aan het eind\s+€ [0-9.,]+\s+€ [0-9.,]+");
        Shows(text, @"DSO \(dagen\)\s+[0-9]+,[0-9]\s+[0-9]+,[0-9]");
        Shows(text, @"  stap reminder-1\s+[0-9]+\s+[0-9]+");
        Shows(text, @"  kanaal sms\s+[0-9]+\s+[0-9]+");
        Shows(text, @"Vorderingen aangemaakt\s+[0-9]+\s+[0-9]+");
        Shows(text, @"Op tijd betaald\s+33,3\s?%\s+n = 60");
        Shows(text, @"reminder-1, sms, alle segmenten\s+62,5\s?%\s+n = 40");
        Shows(text, @"reminder-1, sms, segment late-payer\s+[0-9,]+\s?%\s+n = 10");
    }

    [Fact]
    public async Task Verb_JsonHasSameFiguresAsUseCase()
    {
        await using var ledger = await TestLedger.CreateAsync(WindowEnd);
        await ledger.RunAsync(async s => { await WriteAsync(s); return 0; });

        var (exitCode, json) = await RunVerbAsync(ledger, "policy", "replay", "--candidate-version", "2026-01", "--date", "2026-12-01", "--json");
        var report = await ledger.RunAsync<RunPolicyReplay, PolicyReplayReport>(r => r.RunAsync(
            ledger.Services.GetRequiredService<IReadOnlyList<Tijdig.Domain.Dunning.DunningPolicy>>()[0],
            new ReplayOptions(WindowEnd),
            CancellationToken.None));

        Assert.Equal(0, exitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var active = document.RootElement.GetProperty("active");
        var candidate = document.RootElement.GetProperty("candidate");
        Assert.Equal(report.Active.OpenCentsAtEnd, active.GetProperty("openCentsAtEnd").GetInt64());
        Assert.Equal(report.Active.MessagesSent, active.GetProperty("messagesSent").GetInt32());

        // The same policy as candidate on the same draws gives the same outcome.
        Assert.Equal(active.GetProperty("messagesSent").GetInt32(), candidate.GetProperty("messagesSent").GetInt32());
        Assert.Equal(active.GetProperty("claimsCreated").GetInt32(), candidate.GetProperty("claimsCreated").GetInt32());
        Assert.Equal(60, document.RootElement.GetProperty("behaviour").GetProperty("paidOnTimeObservations").GetInt32());
    }

    [Theory]
    [InlineData("{ \"Version\": \"leeg\" }", "geen stappen")]
    [InlineData("{ niet json", "geen geldige JSON")]
    [InlineData("{ \"Version\": \"x\", \"StatutoryTermDays\": 7, \"Steps\": [ { \"Key\": \"reminder-1\", \"DaysPastDue\": 7 } ] }", "ongeldig")]
    public async Task Verb_RejectsBadCandidate(string json, string message)
    {
        await using var ledger = await TestLedger.CreateAsync(WindowEnd);
        var candidate = Path.Combine(ledger.DataDirectory, "kandidaat.json");
        await File.WriteAllTextAsync(candidate, json);

        var error = await Assert.ThrowsAsync<UsageException>(() => RunVerbAsync(ledger, "policy", "replay", "--candidate", candidate));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--months -3", "--months '-3' moet tussen 1 en 60 liggen")]
    [InlineData("--months 0", "--months '0' moet tussen 1 en 60 liggen")]
    [InlineData("--days 0", "--days '0' is ongeldig: geef minstens 1")]
    [InlineData("--days -1", "--days '-1' is ongeldig: geef minstens 1")]
    [InlineData("--seed -5", "--seed '-5' is ongeldig: geef minstens 0")]
    [InlineData("--months zes", "--months 'zes' is ongeldig: geef een heel getal")]
    [InlineData("--candidate kandidaat.json", "niet allebei")]
    public async Task Verb_RejectsBadOptionNamingValue(string option, string message)
    {
        await using var ledger = await TestLedger.CreateAsync(WindowEnd);
        var arguments = option.Split(' ');

        var error = await Assert.ThrowsAsync<UsageException>(() => RunVerbAsync(ledger, ["policy", "replay", "--candidate-version", "2026-01", .. arguments]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static void Shows(string text, string pattern) =>
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, pattern), $"'{pattern}' not in:\n{text}");

    private static async Task<(int ExitCode, string Output)> RunVerbAsync(TestLedger ledger, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Verbs.RunAsync(CommandLine.Parse([.. args, "--data-dir", ledger.DataDirectory]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
