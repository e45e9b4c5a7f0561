using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Outbox;

public enum DeliveryReportOutcome
{
    Applied,
    UnknownReference,
    Invalid,
    Unauthorized,
}

/// <summary>
/// Takes CM status reports: checks the optional key, parses, stores each report and applies it to the
/// message whose provider reference it carries. CM retries a report for up to 7 days until it gets a
/// 2xx, so an unknown reference gets a 200 as handled, not an error status.
/// </summary>
public sealed class DeliveryReportIntake(TijdigDbContext db, DeliveryStatus deliveryStatus, IOptions<OutboxSettings> options, BusinessCalendar calendar, ILogger<DeliveryReportIntake> logger)
{
    public async Task<DeliveryReportOutcome> HandleAsync(string body, string? key, CancellationToken ct)
    {
        var expected = options.Value.DeliveryReportKey;
        if (!string.IsNullOrEmpty(expected) && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(key ?? "")))
        {
            return DeliveryReportOutcome.Unauthorized;
        }

        var statuses = CmStatusReports.Parse(body);
        if (statuses is null)
        {
            return DeliveryReportOutcome.Invalid;
        }

        var outcome = DeliveryReportOutcome.UnknownReference;
        foreach (var status in statuses)
        {
            var message = await db.Outbox.FirstOrDefaultAsync(m => m.ProviderReference == status.Reference, ct);
            var report = new DeliveryReport
            {
                ProviderReference = status.Reference,
                MessageId = message?.Id,
                StatusCode = status.Code,
                ErrorCode = status.ErrorCode,
                ErrorDescription = status.ErrorDescription,
                ReceivedAt = calendar.Now,
            };
            db.DeliveryReports.Add(report);

            if (message is null)
            {
                OutboxLog.UnknownDeliveryReport(logger, status.Reference);
                continue;
            }

            await deliveryStatus.ApplyAsync(message, report, ct);
            outcome = DeliveryReportOutcome.Applied;
        }

        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
