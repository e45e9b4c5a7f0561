using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Outbox;

/// <summary>
/// Blanks the subject and body of messages sent or given up more than Outbox:BodyRetentionDays ago
/// (by <see cref="Domain.Messaging.OutboxMessage.CreatedAt"/> for messages never sent). The row itself stays:
/// who was sent which step on which date is part of the ledger's history. Letters keep their PDF.
/// </summary>
public sealed class MessageRetention(TijdigDbContext db, IOptions<OutboxSettings> options, BusinessCalendar calendar, ILogger<MessageRetention> logger)
{
    public async Task<int> EraseOldBodiesAsync(CancellationToken ct)
    {
        var days = options.Value.BodyRetentionDays;
        if (days <= 0)
        {
            return 0;
        }

        var today = calendar.Today;
        var cutoff = calendar.Now.AddDays(-days);
        var old = await db.Outbox
            .Where(m => m.BodyErasedOn == null && (m.Body != null || m.Subject != null))
            .Where(m => m.SentAt != null ? m.SentAt < cutoff : m.CreatedAt < cutoff)
            .Where(m => m.Status != Domain.Messaging.MessageStatus.Queued && m.Status != Domain.Messaging.MessageStatus.Sending)
            .ToListAsync(ct);
        foreach (var message in old)
        {
            message.Body = null;
            message.Subject = null;
            message.BodyErasedOn = today;
        }

        await db.SaveChangesAsync(ct);
        if (old.Count > 0)
        {
            OutboxLog.BodiesErased(logger, old.Count, DateOnly.FromDateTime(cutoff.DateTime));
        }

        return old.Count;
    }
}
