using Tijdig.Domain;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Model;

namespace Tijdig.Banking;

/// <summary>
/// Books a pain.002 status report. A line is matched on the original message id, payment
/// information id and end-to-end id together. When only the end-to-end id agrees, the line still
/// matches on that id, which is unique per collection attempt, and the match rule
/// "end-to-end-id" records the weaker evidence. A rejected payment-information block without lines rejects every collection of that block, and
/// a rejected group without blocks rejects every collection of the original message.
/// </summary>
public sealed class StatusReportProcessor(ReturnBooking returns)
{
    public void Process(BankEntryRun run, PaymentStatusReport report)
    {
        var groupRejected = report.GroupStatus == "RJCT";
        if (groupRejected && report.Batches.Count == 0)
        {
            var reason = report.GroupReasonCode ?? "NARR";
            foreach (var collection in run.Index.CollectionsByMessageId(report.OriginalMessageId).ToList())
            {
                ProcessLine(run, report, collection.PaymentInformationId, StatusLine(collection), "RJCT", reason);
            }

            return;
        }

        foreach (var batch in report.Batches)
        {
            var batchStatus = batch.Status ?? report.GroupStatus;
            if (batch.Transactions.Count == 0 && batchStatus == "RJCT" && batch.OriginalPaymentInformationId is { } batchId)
            {
                var reason = batch.ReasonCode ?? report.GroupReasonCode ?? "NARR";
                var collections = run.Index.CollectionsByPaymentInformationId(batchId)
                    .Where(c => c.MessageId == report.OriginalMessageId)
                    .ToList();
                foreach (var collection in collections)
                {
                    ProcessLine(run, report, batchId, StatusLine(collection), "RJCT", reason);
                }

                continue;
            }

            foreach (var line in batch.Transactions)
            {
                var status = line.Status ?? batchStatus ?? "";
                var reason = line.ReasonCode ?? batch.ReasonCode ?? report.GroupReasonCode ?? "NARR";
                ProcessLine(run, report, batch.OriginalPaymentInformationId, line, status, reason);
            }
        }
    }

    private void ProcessLine(BankEntryRun run, PaymentStatusReport report, string? batchId, PaymentStatusTransaction line, string status, string reason)
    {
        var key = $"pain002:{report.OriginalMessageId}:{batchId}:{line.OriginalEndToEndId}:{status}";
        var row = run.NewRow(key, null, -(line.Amount is { } amount ? Money.ToCents(amount) : 0));
        if (row is null)
        {
            return;
        }

        row.EndToEndId = line.OriginalEndToEndId;
        row.MandateId = line.MandateId;
        row.ReasonCode = reason;
        row.CounterpartyName = line.DebtorName;
        row.CounterpartyIban = line.DebtorIban;

        if (status is not ("RJCT" or "PART"))
        {
            run.MarkIgnored(row, null);
            return;
        }

        var (collection, rule) = FindCollection(run.Index, report.OriginalMessageId, batchId, line.OriginalEndToEndId);
        if (collection is null)
        {
            run.MarkUnmatched(row);
            return;
        }

        returns.Record(collection, CollectionStatus.Rejected, reason, DateOnly.FromDateTime(run.Import.ImportedAt.Date), key, run.Index);
        row.Outcome = MatchOutcome.Return;
        row.MatchRule = rule;
        row.DebtorId = collection.DebtorId;
        run.Report.CountReturn(reason);
    }

    private static (DirectDebitCollection? Collection, string Rule) FindCollection(ReconciliationIndex index, string messageId, string? batchId, string? endToEndId)
    {
        if (endToEndId is null || index.CollectionByEndToEndId(endToEndId) is not { } collection)
        {
            return (null, "");
        }

        var sameBatch = collection.MessageId == messageId && (batchId is null || collection.PaymentInformationId == batchId);
        return (collection, sameBatch ? "message-batch-end-to-end-id" : "end-to-end-id");
    }

    private static PaymentStatusTransaction StatusLine(DirectDebitCollection collection) =>
        new(collection.EndToEndId, null, "RJCT", null, null, Money.ToEuros(collection.AmountCents), collection.MandateId, collection.CollectionDate, null, null);
}
