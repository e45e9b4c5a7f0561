using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Messaging;

namespace Tijdig.Outbox;

/// <summary>Opens work items in the "messages" queue for messages that need a person.</summary>
public static class OutboxWorkItems
{
    public const string Queue = "messages";

    /// <summary>Adds the item once per message and cause; the key makes a second call a no-op.</summary>
    public static async Task AddAsync(TijdigDbContext db, OutboxMessage message, string cause, string description, DateOnly date, CancellationToken ct)
    {
        var key = $"message:{message.Id}:{cause}";
        if (db.WorkItems.Local.Any(w => w.Key == key) || await db.WorkItems.AnyAsync(w => w.Key == key, ct))
        {
            return;
        }

        db.WorkItems.Add(new WorkItem { Queue = Queue, DebtorId = message.DebtorId, Key = key, Description = description, CreatedOn = date });
    }
}
