using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning;
using Tijdig.Letters;
using Tijdig.Outbox;
using Tijdig.Tests.Messaging.Support;

namespace Tijdig.Tests.Messaging;

public sealed class PrivacyAndLetterTests
{
    private static readonly DateOnly Today = new(2026, 4, 9);

    [Fact]
    public async Task Cycle_LogsNoContactDetailsOrText()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(3, Today.AddDays(-7), mobile: n => n == 3 ? "+31612340000" : MessagingLedger.Mobile(n));
        await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 3);
        await ledger.QueueAsync(MessageChannel.Email, "reminder-1", Today, 3);

        await ledger.RunAsync(s => s.GetRequiredService<DailyCycle>().RunAsync(Today, dispatch: true, CancellationToken.None));

        var bodies = await ledger.QueryAsync(db => db.Outbox.Where(m => m.Body != null).Select(m => m.Body!).ToListAsync());
        Assert.NotEmpty(bodies);
        Assert.Contains(ledger.Logs.Lines, line => line.Contains("Outbox message", StringComparison.Ordinal));
        var log = ledger.Logs.All;
        for (var n = 1; n <= 3; n++)
        {
            Assert.DoesNotContain(MessagingLedger.Email(n), log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(MessagingLedger.Mobile(n), log, StringComparison.Ordinal);
            Assert.DoesNotContain(MessagingLedger.Mobile(n)[1..], log, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("612340000", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Ouder 1", log, StringComparison.Ordinal);
        Assert.All(bodies, body => Assert.DoesNotContain(body[..Math.Min(60, body.Length)], log, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LastChanceLetter_StoredAsPdfWithProof()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(2, Today.AddDays(-35));
        var ids = await ledger.QueueAsync(MessageChannel.Letter, "last-chance", Today, 2);

        var result = await ledger.DispatchAsync();

        Assert.Equal(2, result.Sent);
        var letters = await ledger.QueryAsync(db => db.Letters.OrderBy(l => l.Id).ToListAsync());
        Assert.Equal(ids, letters.Select(l => l.MessageId));
        var letter = letters[0];
        Assert.Equal(Today, letter.SendingDate);
        Assert.Equal(new DateOnly(2026, 4, 28), letter.TermEndDate);
        var pdf = await File.ReadAllBytesAsync(Path.Combine(ledger.DataDirectory, letter.FilePath));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(letter.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        var body = (await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == ids[0]))).Body!;
        Assert.Contains("28 april 2026", body, StringComparison.Ordinal);
        Assert.Contains("14 dagen na de dag waarop u deze brief heeft ontvangen", body, StringComparison.Ordinal);
        Assert.Contains("€ 40,00", body, StringComparison.Ordinal);

        var batch = await ledger.RunAsync(s => s.GetRequiredService<ExportLetters>().RunAsync(Today, null, CancellationToken.None));

        Assert.Equal(2, batch.Count);
        Assert.True(File.Exists(batch.PdfPath));
        Assert.Equal(3, (await File.ReadAllLinesAsync(batch.ManifestPath!)).Length);
        Assert.Equal(0, (await ledger.RunAsync(s => s.GetRequiredService<ExportLetters>().RunAsync(Today, null, CancellationToken.None))).Count);
    }

    [Fact]
    public async Task Letter_WithoutAddressGoesToWorkQueue()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-35));
        await ledger.RunAsync(async s =>
        {
            var db = s.GetRequiredService<Data.TijdigDbContext>();
            (await db.Debtors.SingleAsync()).Street = null;
            return await db.SaveChangesAsync();
        });
        var id = (await ledger.QueueAsync(MessageChannel.Letter, "last-chance", Today, 1)).Single();

        Assert.Equal(1, (await ledger.DispatchAsync()).Failed);
        Assert.True(await ledger.QueryAsync(db => db.WorkItems.AnyAsync(w => w.Key == $"message:{id}:no-address")));
    }

    [Theory]
    [InlineData("{{ organisation_name }}: Beste {{ debtor_name }}, betaal {{ total_amount }}: {{ payment_link }}", true)]
    [InlineData("{{ organisation_name }}: Beste {{ debtor_name }}, betaal {{ total_amount }}. Betaal via {{ payment_link }} of vraag een regeling aan via {{ arrangement_link }}. Heeft u al betaald? Dan hoeft u niets te doen. Vragen? Bel ons op werkdagen tussen 9 en 17 uur, wij helpen u graag verder met een oplossing.", false)]
    [InlineData("{{ organisation_name }: kapot", false)]
    public async Task SmsTemplate_SavedWithinTwoSegments(string source, bool saved)
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));

        var result = await ledger.RunAsync(s => s.GetRequiredService<TemplateStore>().SaveAsync("reminder-1", Tijdig.Messaging.Templates.MessageChannel.Sms, "nl", source, "test", CancellationToken.None));

        Assert.Equal(saved, result.Success);
        Assert.Equal(saved ? 1 : null, result.Version);
        Assert.Equal(saved ? 1 : 0, await ledger.QueryAsync(db => db.MessageTemplates.CountAsync()));
    }

    [Fact]
    public async Task SavedTemplate_UsedForNextMessage()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var store = (Func<IServiceProvider, TemplateStore>)(s => s.GetRequiredService<TemplateStore>());
        Assert.True((await ledger.RunAsync(s => store(s).SaveAsync("reminder-1", Tijdig.Messaging.Templates.MessageChannel.Sms, "nl", "Versie een {{ total_amount }}", null, CancellationToken.None))).Success);
        Assert.Equal(2, (await ledger.RunAsync(s => store(s).SaveAsync("reminder-1", Tijdig.Messaging.Templates.MessageChannel.Sms, "nl", "Versie twee {{ total_amount }}", null, CancellationToken.None))).Version);
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();

        await ledger.DispatchAsync();

        Assert.Equal("Versie twee € 100,00", (await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id))).Body);
    }
}
