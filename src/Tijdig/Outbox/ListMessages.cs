using Microsoft.EntityFrameworkCore;
using Tijdig.Data;

namespace Tijdig.Outbox;

/// <summary>A message as the messages verb and the API list it: no address, only the debtor number.</summary>
public sealed record MessageView(
    DateOnly Date,
    string Channel,
    string DebtorNumber,
    string Step,
    string Status,
    string? Subject,
    string? Text,
    string? PaymentLink,
    long AmountCents,
    string InvoiceNumbers,
    string? Reason);

/// <summary>Lists the messages queued or sent for one business date.</summary>
public sealed class ListMessages(TijdigDbContext db)
{
    public async Task<IReadOnlyList<MessageView>> RunAsync(DateOnly date, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.BusinessDate == date)
            .Join(db.Debtors, m => m.DebtorId, d => d.Id, (m, d) => new { Message = m, d.DebtorNumber })
            .OrderBy(r => r.Message.Id)
            .ToListAsync(ct);

        return rows.Select(r => new MessageView(
            r.Message.BusinessDate,
            r.Message.Channel.ToString(),
            r.DebtorNumber,
            r.Message.Step,
            r.Message.Status.ToString(),
            r.Message.Subject,
            r.Message.Body,
            r.Message.PaymentLink,
            r.Message.AmountCents,
            r.Message.InvoiceNumbers,
            r.Message.Reason)).ToList();
    }
}
