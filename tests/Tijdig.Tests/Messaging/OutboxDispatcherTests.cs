using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tijdig.Domain.Messaging;
using Tijdig.Messaging.Links;
using Tijdig.Outbox;
using Tijdig.Tests.Messaging.Support;

namespace Tijdig.Tests.Messaging;

/// <summary>The dispatcher against a real SMTP server and a local CM-compatible server.</summary>
public sealed class OutboxDispatcherTests
{
    private static readonly DateOnly Today = new(2026, 4, 14);

    [Fact]
    public async Task Email_CarriesHeadersPartsAndLinks()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Email, "reminder-1", Today, 1)).Single();

        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Sent);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("Sanne Jansen, Kinderopvang De Vlinder", ((MailboxAddress)mail.From.Single()).Name);
        Assert.Equal("debiteuren@devlinder.example.nl", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Equal("team-debiteuren@devlinder.example.nl", ((MailboxAddress)mail.ReplyTo.Single()).Address);
        Assert.Equal($"tijdig-{id}@devlinder.example.nl", mail.MessageId);
        Assert.Equal(MessagingLedger.Email(1), ((MailboxAddress)mail.To.Single()).Address);
        Assert.NotNull(mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("https://tikkie.me/pay/Tijdig/DEB1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://tikkie.me/pay/Tijdig/DEB1", mail.HtmlBody, StringComparison.Ordinal);

        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"http\S+/betalingsregeling\?d=DEB1&e=(\d{8})&sig=([A-Za-z0-9_-]+)");
        Assert.True(link.Success, mail.TextBody);
        Assert.Contains(link.Value.Replace("&", "&amp;", StringComparison.Ordinal), mail.HtmlBody, StringComparison.Ordinal);
        var links = ledger.Services.GetRequiredService<ArrangementLinks>();
        var check = links.Verify("DEB1", link.Groups[1].Value, link.Groups[2].Value, Today);
        Assert.True(check.IsValid);
        Assert.False(links.Verify("DEB2", link.Groups[1].Value, link.Groups[2].Value, Today).IsValid);

        var stored = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal($"tijdig-{id}@devlinder.example.nl", stored.ProviderReference);
    }

    [Fact]
    public async Task TwoDispatchers_SendEachMessageOnce()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(12, Today.AddDays(-7));
        var ids = await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 12);

        // As when the scheduler in serve and a CLI cycle run dispatch at the same moment.
        await Task.WhenAll(ledger.DispatchAsync(), ledger.DispatchAsync(), ledger.DispatchAsync());

        Assert.Equal(ids.Count, cm.Accepted.Count);
        Assert.Equal(ids.Count, cm.Accepted.Select(a => a.Reference).Distinct().Count());
        var attempts = await ledger.QueryAsync(db => db.Outbox.Where(m => ids.Contains(m.Id)).Select(m => m.Attempts).ToListAsync());
        Assert.All(attempts, a => Assert.Equal(1, a));
    }

    [Fact]
    public async Task Sms_DeliveryReportMarksDelivered()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(2, Today.AddDays(-7));
        var ids = await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 2);

        await ledger.DispatchAsync();
        Assert.Equal(2, cm.Accepted.Count);
        var references = cm.Accepted.Select(a => a.Reference).ToList();
        Assert.Equal(ids.Select(i => $"tijdig{i}"), references);

        var delivered = """{"messages":{"msg":{"received":"2026-04-14T10:00:05","to":"0031612345001","reference":"REF","status":{"code":"2","errorCode":"","errorDescription":"Delivered"},"operator":"20416"}}}""".Replace("REF", references[0], StringComparison.Ordinal);
        var failed = $$"""<?xml version="1.0"?><MESSAGES><MSG><RECEIVED>2026-04-14T10:00:06</RECEIVED><TO>0031612345002</TO><REFERENCE>{{references[1]}}</REFERENCE><STATUS><CODE>3</CODE><ERRORCODE>5</ERRORCODE><ERRORDESCRIPTION>Absent subscriber</ERRORDESCRIPTION></STATUS></MSG></MESSAGES>""";
        Assert.Equal(DeliveryReportOutcome.Applied, await ledger.RunAsync(s => s.GetRequiredService<DeliveryReportIntake>().HandleAsync(delivered, null, CancellationToken.None)));
        Assert.Equal(DeliveryReportOutcome.Applied, await ledger.RunAsync(s => s.GetRequiredService<DeliveryReportIntake>().HandleAsync(failed, null, CancellationToken.None)));

        var messages = await ledger.QueryAsync(db => db.Outbox.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(MessageStatus.Delivered, messages[0].Status);
        Assert.Equal(MessageStatus.Undeliverable, messages[1].Status);
        var fallback = Assert.Single(messages, m => m.FallbackForMessageId == ids[1]);
        Assert.Equal(MessageChannel.Email, fallback.Channel);
        Assert.True(await ledger.QueryAsync(db => db.WorkItems.AnyAsync(w => w.Key == $"message:{ids[1]}:undeliverable")));

        await ledger.DispatchAsync();
        Assert.Equal(MessagingLedger.Email(2), ((MailboxAddress)Assert.Single(smtp.Received).To.Single()).Address);
    }

    [Fact]
    public async Task Sms_RejectedFallsBackToEmail()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(1, Today.AddDays(-7), mobile: _ => "+31612340000");
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();

        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Failed);
        Assert.Equal(1, result.Sent);
        Assert.Empty(cm.Accepted);
        Assert.Single(smtp.Received);
        var sms = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal(MessageStatus.Failed, sms.Status);
        Assert.True(await ledger.QueryAsync(db => db.WorkItems.AnyAsync(w => w.Key == $"message:{id}:rejected" && w.Queue == "messages")));
    }

    [Fact]
    public async Task Sms_TransientFailureBacksOff()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();
        cm.ForcedStatus = 503;

        await ledger.DispatchAsync();
        var first = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal(MessageStatus.Queued, first.Status);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(ledger.Clock.GetUtcNow().AddMinutes(1), first.NextAttemptAt);

        cm.ForcedStatus = null;
        var early = await ledger.DispatchAsync();
        Assert.Equal(1, early.Deferred);
        Assert.Empty(cm.Accepted);

        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await ledger.DispatchAsync();
        Assert.Equal(1, later.Sent);
        Assert.Single(cm.Accepted);
    }

    [Fact]
    public async Task Sms_WaitsForContactWindow()
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        // Saturday 25 April 2026, 21:00: Sunday and Koningsdag (Monday 27 April) follow.
        var saturday = new DateOnly(2026, 4, 25);
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(saturday, new TimeOnly(21, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(1, saturday.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", saturday, 1)).Single();

        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Deferred);
        Assert.Empty(cm.Accepted);
        var waiting = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id));
        Assert.Equal(MessagingLedger.At(new DateOnly(2026, 4, 28), new TimeOnly(7, 0)), waiting.NextAttemptAt);

        ledger.Clock.SetUtcNow(MessagingLedger.At(new DateOnly(2026, 4, 28), new TimeOnly(7, 0)));
        Assert.Equal(1, (await ledger.DispatchAsync()).Sent);
        Assert.Single(cm.Accepted);
    }

    [Fact]
    public async Task LocalMode_IgnoresQuietHoursByDefault()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(new DateOnly(2026, 4, 26), new TimeOnly(23, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();

        Assert.Equal(1, (await ledger.DispatchAsync()).Sent);
        Assert.True(File.Exists(Path.Combine(ledger.DataDirectory, "outbox", "sms", $"tijdig-{id}.json")));
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("paused")]
    public async Task Recheck_CancelsWhenReasonGone(string change)
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();
        await ledger.RunAsync(async s =>
        {
            var db = s.GetRequiredService<Data.TijdigDbContext>();
            if (change == "paid")
            {
                (await db.Invoices.SingleAsync()).OpenCents = 0;
            }
            else
            {
                var debtor = await db.Debtors.SingleAsync();
                debtor.DunningPausedUntil = Today.AddMonths(3);
                debtor.PauseReason = "Betalingsregeling";
            }

            return await db.SaveChangesAsync();
        });

        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Cancelled);
        Assert.Equal(MessageStatus.Cancelled, (await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id))).Status);
        Assert.False(Directory.Exists(Path.Combine(ledger.DataDirectory, "outbox", "sms")) && Directory.EnumerateFiles(Path.Combine(ledger.DataDirectory, "outbox", "sms")).Any());
    }

    [Fact]
    public async Task NoMobile_FallsBackToEmail()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-7), mobile: _ => "");
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();

        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Failed);
        Assert.Equal(1, result.Sent);
        var fallback = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.FallbackForMessageId == id));
        Assert.Equal(MessageChannel.Email, fallback.Channel);
        Assert.Equal(MessageStatus.Sent, fallback.Status);
    }

    [Fact]
    public async Task Retention_BlanksOldBodies()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), new Dictionary<string, string?> { ["Outbox:BodyRetentionDays"] = "30" });
        await ledger.SeedAsync(2, Today.AddDays(-7));
        var old = (await ledger.QueueAsync(MessageChannel.Email, "reminder-1", Today, 1)).Single();
        await ledger.DispatchAsync();
        ledger.Clock.Advance(TimeSpan.FromDays(20));
        var recent = (await ledger.QueueAsync(MessageChannel.Email, "reminder-2", Today.AddDays(20), 1)).Single();
        await ledger.DispatchAsync();
        Assert.NotNull((await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == old))).Body);

        ledger.Clock.Advance(TimeSpan.FromDays(11));
        var erasedCount = await ledger.RunAsync(s => s.GetRequiredService<MessageRetention>().EraseOldBodiesAsync(CancellationToken.None));

        Assert.Equal(1, erasedCount);
        var erased = await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == old));
        Assert.Null(erased.Body);
        Assert.Null(erased.Subject);
        Assert.Equal(Today.AddDays(31), erased.BodyErasedOn);
        Assert.NotNull((await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == recent))).Body);
    }
}
