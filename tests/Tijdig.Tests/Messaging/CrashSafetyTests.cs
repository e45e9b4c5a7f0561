using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tijdig.Domain.Messaging;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using Tijdig.Outbox;
using Tijdig.Tests.Messaging.Support;

namespace Tijdig.Tests.Messaging;

/// <summary>
/// Crashes the dispatcher at every provider call, before and after the provider took the message,
/// restarts it, and counts what the SMTP server and the CM-compatible server received.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly DateOnly Today = new(2026, 4, 14);
    private const int Parents = 3;

    public static TheoryData<int, bool> CrashPoints()
    {
        var data = new TheoryData<int, bool>();
        for (var call = 1; call <= 2 * Parents; call++)
        {
            data.Add(call, false);
            data.Add(call, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Crash_NeverSendsTwice(int crashAt, bool afterSend)
    {
        await using var smtp = SmtpSink.Start();
        await using var cm = await CmFake.StartAsync();
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)), MessagingLedger.LiveSettings(smtp, cm));
        await ledger.SeedAsync(Parents, Today.AddDays(-7));
        var ids = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, Parents))
            .Concat(await ledger.QueueAsync(MessageChannel.Email, "reminder-1", Today, Parents))
            .ToList();
        var plan = new CrashPlan { At = crashAt, AfterSend = afterSend };

        await Assert.ThrowsAsync<SimulatedCrashException>(() => ledger.RunAsync(s => ActivatorUtilities.CreateInstance<OutboxDispatcher>(
                s,
                new CrashingSmsGateway(s.GetRequiredService<ISmsGateway>(), plan),
                new CrashingEmailSender(s.GetRequiredService<IEmailSender>(), plan))
            .DispatchAsync(CancellationToken.None)));

        // The restarted dispatcher, then CM's status reports for what it accepted, then an hour later.
        await ledger.DispatchAsync();
        foreach (var (_, _, reference) in cm.Accepted)
        {
            var report = """{"messages":{"msg":{"reference":"REF","status":{"code":"2"}}}}""".Replace("REF", reference, StringComparison.Ordinal);
            await ledger.RunAsync(s => s.GetRequiredService<DeliveryReportIntake>().HandleAsync(report, null, CancellationToken.None));
        }

        ledger.Clock.Advance(TimeSpan.FromMinutes(61));
        await ledger.DispatchAsync();

        var smsReceived = cm.Accepted.GroupBy(a => a.Number).ToDictionary(g => g.Key, g => g.Count());
        var mailReceived = smtp.Received.GroupBy(m => ((MailboxAddress)m.To.Single()).Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(smsReceived.Values, count => Assert.Equal(1, count));
        Assert.All(mailReceived.Values, count => Assert.Equal(1, count));

        // Every message reached its server at most once. A message whose outcome the crash lost waits
        // in Sending with a work item for a person, and only the crashed one can be in that state.
        var messages = await ledger.QueryAsync(db => db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync());
        var smsReferences = cm.Accepted.Select(a => a.Reference).ToList();
        var mailIds = smtp.Received.Select(m => m.MessageId ?? "").ToList();
        foreach (var message in messages)
        {
            var copies = message.Channel == MessageChannel.Sms
                ? smsReferences.Count(r => r == "tijdig" + message.Id)
                : mailIds.Count(i => i.StartsWith(message.ClientReference + "@", StringComparison.Ordinal));
            Assert.InRange(copies, 0, 1);
            if (message.Status == MessageStatus.Sending)
            {
                Assert.True(await ledger.QueryAsync(db => db.WorkItems.AnyAsync(w => w.Key == $"message:{message.Id}:unconfirmed")));
            }
            else
            {
                Assert.Equal(1, copies);
                Assert.Contains(message.Status, new[] { MessageStatus.Sent, MessageStatus.Delivered });
            }
        }

        Assert.InRange(messages.Count(m => m.Status == MessageStatus.Sending), 0, 1);
        Assert.InRange(smsReferences.Count + mailIds.Count, 2 * Parents - 1, 2 * Parents);
    }

    [Fact]
    public async Task LocalMode_ResendsCrashedMessageOnce()
    {
        await using var ledger = await MessagingLedger.CreateAsync(MessagingLedger.At(Today, new TimeOnly(10, 0)));
        await ledger.SeedAsync(1, Today.AddDays(-7));
        var id = (await ledger.QueueAsync(MessageChannel.Sms, "reminder-1", Today, 1)).Single();
        var plan = new CrashPlan { At = 1, AfterSend = true };

        await Assert.ThrowsAsync<SimulatedCrashException>(() => ledger.RunAsync(s => ActivatorUtilities.CreateInstance<OutboxDispatcher>(
                s,
                new CrashingSmsGateway(s.GetRequiredService<ISmsGateway>(), plan),
                s.GetRequiredService<IEmailSender>())
            .DispatchAsync(CancellationToken.None)));
        var result = await ledger.DispatchAsync();

        Assert.Equal(1, result.Sent);
        Assert.Single(Directory.GetFiles(Path.Combine(ledger.DataDirectory, "outbox", "sms")));
        Assert.Equal(MessageStatus.Sent, (await ledger.QueryAsync(db => db.Outbox.SingleAsync(m => m.Id == id))).Status);
    }
}
