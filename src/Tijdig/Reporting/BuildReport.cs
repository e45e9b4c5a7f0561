using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Reporting;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Reporting;

public sealed record PaymentRequestStats(string Trigger, int Sent, int Paid, long PaidCents);

public sealed record AgeingBucket(string Bucket, long Cents, int Invoices);

public sealed record ReceivablesReport(
    DateOnly Date,
    long OpenBalanceCents,
    long OverdueBalanceCents,
    int OverdueInvoices,
    decimal DaysSalesOutstanding,
    IReadOnlyList<AgeingBucket> Ageing,
    IReadOnlyList<PaymentRequestStats> PaymentRequests);

/// <summary>
/// The receivables report for a date. The open balance is what is open now on invoices issued on
/// or before the date; payments booked after the date are not taken back out.
/// </summary>
public sealed class BuildReport(TijdigDbContext db)
{
    public async Task<ReceivablesReport> RunAsync(DateOnly date, CancellationToken ct)
    {
        var open = await db.Invoices.AsNoTracking()
            .Where(i => i.OpenCents > 0 && i.IssueDate <= date)
            .Select(i => new OpenAmount(i.DueDate, i.OpenCents))
            .ToListAsync(ct);
        var openBalance = open.Sum(i => i.OpenCents);
        var overdue = open.Where(i => i.DueDate < date).ToList();

        var from = new DateOnly(date.Year, date.Month, 1).AddMonths(-24);
        var invoiced = await db.Invoices.AsNoTracking()
            .Where(i => i.IssueDate >= from && i.IssueDate <= date)
            .Select(i => new { i.IssueDate, i.AmountCents })
            .ToListAsync(ct);
        var byMonth = invoiced
            .GroupBy(i => new DateOnly(i.IssueDate.Year, i.IssueDate.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(i => i.AmountCents));

        var ageing = new[]
        {
            Bucket("not-due", open.Where(i => i.DueDate >= date)),
            Bucket("1-30", overdue.Where(i => date.DayNumber - i.DueDate.DayNumber <= 30)),
            Bucket("31-60", overdue.Where(i => date.DayNumber - i.DueDate.DayNumber is > 30 and <= 60)),
            Bucket("61-90", overdue.Where(i => date.DayNumber - i.DueDate.DayNumber is > 60 and <= 90)),
            Bucket("90+", overdue.Where(i => date.DayNumber - i.DueDate.DayNumber > 90)),
        };

        var requests = await db.PaymentRequests.AsNoTracking()
            .Where(r => r.Token != null)
            .Select(r => new { r.Purpose, r.PaidCents, r.CreatedAt })
            .ToListAsync(ct);
        var stats = Enum.GetValues<PaymentRequestPurpose>()
            .Select(purpose =>
            {
                var sent = requests.Where(r => r.Purpose == purpose && DateOnly.FromDateTime(r.CreatedAt.Date) <= date).ToList();
                return new PaymentRequestStats(purpose.ToString(), sent.Count, sent.Count(r => r.PaidCents > 0), sent.Sum(r => r.PaidCents));
            })
            .ToList();

        return new ReceivablesReport(
            date,
            openBalance,
            overdue.Sum(i => i.OpenCents),
            overdue.Count,
            DaysSalesOutstanding.CountBack(openBalance, byMonth, date),
            ageing,
            stats);

        static AgeingBucket Bucket(string name, IEnumerable<OpenAmount> rows)
        {
            var list = rows.ToList();
            return new AgeingBucket(name, list.Sum(r => r.OpenCents), list.Count);
        }
    }

    private sealed record OpenAmount(DateOnly DueDate, long OpenCents);
}
