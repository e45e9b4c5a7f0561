using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Messaging;

namespace Tijdig.Outbox;

/// <summary>
/// Settles messages left in Sending by a crash or a provider response that never came. A delivery report with the
/// message's provider reference settles it. In Local mode the message is queued again, because the file
/// outbox writes each client reference once. In Live mode it is never resent automatically: after
/// Outbox:UnconfirmedAfterMinutes a work item asks a person to look the reference up in the CM message
/// log or the mail server's log (the Message-ID is <c>tijdig-{id}@{domain}</c>).
/// </summary>
public sealed class OutboxReconciler(
    TijdigDbContext db,
    DeliveryStatus deliveryStatus,
    MessagingOptions messaging,
    IOptions<OutboxSettings> options,
    BusinessCalendar calendar,
    ILogger<OutboxReconciler> logger)
{
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var sending = await db.Outbox.Where(m => m.Status == MessageStatus.Sending).OrderBy(m => m.Id).ToListAsync(ct);
        var local = string.Equals(messaging.Mode, MessagingOptions.LocalMode, StringComparison.OrdinalIgnoreCase);
        var now = calendar.Now;

        foreach (var message in sending)
        {
            var report = message.ProviderReference is null
                ? null
                : await db.DeliveryReports.AsNoTracking()
                    .Where(r => r.ProviderReference == message.ProviderReference)
                    .OrderByDescending(r => r.StatusCode == DeliveryStatus.Delivered)
                    .ThenByDescending(r => r.Id)
                    .FirstOrDefaultAsync(ct);
            if (report is not null)
            {
                await deliveryStatus.ApplyAsync(message, report, ct);
                OutboxLog.Reconciled(logger, message.Id, message.Status.ToString());
                continue;
            }

            if (local)
            {
                message.Status = MessageStatus.Queued;
                message.NextAttemptAt = null;
                OutboxLog.Reconciled(logger, message.Id, "queued again for the file outbox");
                continue;
            }

            if (message.SendingStartedAt is { } started && now - started >= TimeSpan.FromMinutes(options.Value.UnconfirmedAfterMinutes))
            {
                await OutboxWorkItems.AddAsync(
                    db,
                    message,
                    "unconfirmed",
                    $"Onbekend of bericht {message.Step} ({message.Channel}) is verstuurd. Zoek referentie {message.ProviderReference ?? message.ClientReference} op in het log van de provider; Tijdig verstuurt het niet opnieuw.",
                    calendar.Today,
                    ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return sending.Count;
    }
}
