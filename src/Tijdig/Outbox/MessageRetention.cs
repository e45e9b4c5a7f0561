using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Outbox;

/// <summary>
/// Blanks the subject and body of messages older than Outbox:BodyRetentionDays. The row itself stays:
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
        var cutoff = today.AddDays(-days);
        var old = await db.Outbox
            .Where(m => m.BusinessDate < cutoff && m.BodyErasedOn == null && (m.Body != null || m.Subject != null))
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
            OutboxLog.BodiesErased(logger, old.Count, cutoff);
        }

        return old.Count;
    }
}
