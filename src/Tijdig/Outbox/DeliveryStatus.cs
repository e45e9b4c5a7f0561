using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Outbox;

/// <summary>
/// Applies a CM status report to a message. CM status codes: 0 accepted, 1 rejected, 2 delivered,
/// 3 failed. A report never moves a message back: a late "accepted" after "delivered" changes nothing.
/// </summary>
// NOTE: this numeric mapping is the one in common use, but CM's status-report page was not checked
// for it; confirm it there before going live.
public sealed class DeliveryStatus(TijdigDbContext db, IOptions<OutboxSettings> options, BusinessCalendar calendar, ILogger<DeliveryStatus> logger)
{
    public const int Accepted = 0;
    public const int Rejected = 1;
    public const int Delivered = 2;
    public const int Failed = 3;

    public async Task ApplyAsync(OutboxMessage message, DeliveryReport report, CancellationToken ct)
    {
        if (message.Status is MessageStatus.Delivered or MessageStatus.Undeliverable or MessageStatus.Cancelled)
        {
            return;
        }

        switch (report.StatusCode)
        {
            case Accepted:
                message.Status = MessageStatus.Sent;
                message.SentAt ??= report.ReceivedAt;
                break;
            case Delivered:
                message.Status = MessageStatus.Delivered;
                message.SentAt ??= report.ReceivedAt;
                message.DeliveredAt = report.ReceivedAt;
                break;
            case Rejected or Failed:
                message.Status = MessageStatus.Undeliverable;
                message.LastError = $"De provider meldt status {report.StatusCode}" + (report.ErrorDescription is { Length: > 0 } description ? ": " + description : ".");
                await FallBackAsync(message, ct);
                break;
            default:
                // Read receipts (4) of chat channels and unknown codes carry no SMS status.
                return;
        }

        OutboxLog.DeliveryReport(logger, message.Id, report.StatusCode, message.Status.ToString());
    }

    private async Task FallBackAsync(OutboxMessage message, CancellationToken ct)
    {
        var debtor = await db.Debtors.FindAsync([message.DebtorId], ct);
        var fallback = debtor is null ? null : await OutboxFallback.QueueEmailAsync(db, options.Value, message, debtor, calendar.Now, ct);
        var description = fallback is null
            ? $"Sms {message.Step} is niet aangekomen: {message.LastError}"
            : $"Sms {message.Step} is niet aangekomen ({message.LastError}); er staat een e-mail klaar in de plaats.";
        await OutboxWorkItems.AddAsync(db, message, "undeliverable", description, calendar.Today, ct);
    }
}
