using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Data;
using Tijdig.Domain.Messaging;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>
/// Counts taken after a run, outside the timing. <see cref="DuplicateRequests"/> is the number of
/// payment requests at the sandbox beyond the first one per reference id. <see cref="DuplicateSms"/> is
/// the number of SMS files beyond one per message, plus files that belong to no message.
/// </summary>
internal sealed record RunCheck(
    int Expected,
    int RequestsAtSandbox,
    int DistinctReferenceIds,
    int DuplicateRequests,
    int RecordsWithoutMatch,
    int MessagesSent,
    int SmsFiles,
    int DuplicateSms,
    int MessagesWithoutSms)
{
    public bool Passed =>
        RequestsAtSandbox == Expected
        && DistinctReferenceIds == Expected
        && DuplicateRequests == 0
        && RecordsWithoutMatch == 0
        && MessagesSent == Expected
        && SmsFiles == Expected
        && DuplicateSms == 0
        && MessagesWithoutSms == 0;

    public static async Task<RunCheck> CountAsync(IServiceProvider services, string dataDirectory, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
        var records = await db.PaymentRequests.AsNoTracking().Select(r => new { r.ReferenceId, r.Token }).ToListAsync(ct);
        var messages = await db.Outbox.AsNoTracking().ToListAsync(ct);

        var atSandbox = await ListAllAsync(scope.ServiceProvider.GetRequiredService<TikkieClient>(), ct);
        var byReference = atSandbox.GroupBy(r => r.ReferenceId ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var recordsWithoutMatch = records.Count(r =>
            !byReference.TryGetValue(r.ReferenceId, out var found) || found.Count != 1 || found[0].PaymentRequestToken != r.Token);

        // The file name is the message's client reference, so each message must have exactly one file and no file may be a stray.
        var files = Directory.GetFiles(Path.Combine(dataDirectory, "outbox", "sms"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        var references = messages.Select(m => m.ClientReference).ToHashSet(StringComparer.Ordinal);

        return new RunCheck(
            records.Count,
            atSandbox.Count,
            byReference.Count,
            atSandbox.Count - byReference.Count,
            recordsWithoutMatch,
            messages.Count(m => m.Status == MessageStatus.Sent),
            files.Count,
            files.Count - files.Distinct(StringComparer.Ordinal).Count() + files.Count(f => !references.Contains(f!)),
            references.Count(r => !files.Contains(r)));
    }

    private static async Task<List<PaymentRequest>> ListAllAsync(TikkieClient client, CancellationToken ct)
    {
        var all = new List<PaymentRequest>();
        for (var page = 0; ; page++)
        {
            var result = await client.ListPaymentRequestsAsync(page, 50, null, null, ct);
            all.AddRange(result.Items);
            if (result.Items.Count == 0 || all.Count >= result.TotalElementCount)
            {
                return all;
            }
        }
    }
}
