using Microsoft.EntityFrameworkCore;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Messaging;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using MessageChannel = Tijdig.Domain.Messaging.MessageChannel;
using RenderedMessage = Tijdig.Messaging.Templates.RenderedMessage;
using Tijdig.Payments;

namespace Tijdig.Outbox;

/// <summary>The outcome of <see cref="OutboxDispatcher.DispatchBatchAsync"/>.</summary>
/// <param name="Statuses">The new status of each message that was still queued, in id order.</param>
/// <param name="FallbackIds">The fallback e-mails queued for SMS that could not go out; they are not sent by this batch.</param>
public sealed record BatchDispatchResult(IReadOnlyList<MessageStatus> Statuses, IReadOnlyList<long> FallbackIds);

public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// Sends the queued messages among <paramref name="messageIds"/> as one batch, with the same rules as
    /// <see cref="DispatchMessageAsync"/> but a fixed number of statements for the whole batch: one
    /// query each for the messages, debtors, invoices and payment requests, one update that claims the
    /// messages, one that commits the Tikkie attempts before any create call, one commit of the links
    /// and texts before any message leaves Tijdig, and one commit of the results. Messages that share a
    /// payment request must be in the same batch. A fallback e-mail queued here is returned, not sent:
    /// <see cref="ParallelOutboxDispatcher"/> sends it in a second round of the same run.
    /// </summary>
    public async Task<BatchDispatchResult> DispatchBatchAsync(IReadOnlyList<long> messageIds, CancellationToken ct)
    {
        var started = OutboxMetrics.Start();
        var messages = await db.Outbox
            .Where(m => messageIds.Contains(m.Id) && m.Status == MessageStatus.Queued)
            .OrderBy(m => m.Id)
            .ToListAsync(ct);
        var debtorIds = messages.Select(m => m.DebtorId).Distinct().ToList();
        var debtors = await db.Debtors.AsNoTracking().Where(d => debtorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var contexts = await composer.LoadBatchAsync(messages, ct);
        OutboxMetrics.Record("load", started);

        var statuses = new Dictionary<long, MessageStatus>();
        var fallbacks = new List<OutboxMessage>();
        var checkedMessages = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            if (await CheckBeforeClaimAsync(message, debtors[message.DebtorId], contexts[message.Id], fallbacks, ct) is { } settled)
            {
                statuses[message.Id] = settled;
            }
            else
            {
                checkedMessages.Add(message);
            }
        }

        var claimed = await ClaimBatchAsync(checkedMessages, ct);
        foreach (var message in checkedMessages.Where(m => !claimed.Contains(m)))
        {
            statuses[message.Id] = message.Status;
        }

        var links = await CreatePaymentRequestsAsync(claimed, ct);
        var ready = new List<(OutboxMessage Message, Debtor Debtor, RenderedMessage Rendered)>();
        foreach (var message in claimed)
        {
            var debtor = debtors[message.DebtorId];
            var settled = await ApplyPaymentRequestAsync(message, debtor, links, fallbacks, ct);
            if (settled is not null)
            {
                statuses[message.Id] = settled.Value;
                continue;
            }

            started = OutboxMetrics.Start();
            var rendered = await composer.RenderAsync(message, debtor, contexts[message.Id], ct);
            OutboxMetrics.Record("render", started);
            message.Subject = rendered.Subject;
            message.Body = rendered.TextBody;
            if (message.Channel != MessageChannel.Letter)
            {
                // Committed below, before the call: after a crash from there on, the reconciler finds the
                // row in Sending with the reference the provider stores for it.
                message.Status = MessageStatus.Sending;
                message.Attempts++;
                message.SendingStartedAt = calendar.Now;
                message.ProviderReference = message.Channel == MessageChannel.Sms ? CmSmsGateway.ToCmReference(message.ClientReference) : null;
            }

            ready.Add((message, debtor, rendered));
        }

        // The Tikkie tokens and the texts with their links, in one transaction before anything is sent.
        started = OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        OutboxMetrics.Record("result-commit", started);

        foreach (var (message, debtor, rendered) in ready)
        {
            statuses[message.Id] = await SendAsync(message, debtor, rendered, fallbacks, ct);
        }

        started = OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        OutboxMetrics.Record("sent-commit", started);
        return new BatchDispatchResult(messages.Select(m => statuses[m.Id]).ToList(), fallbacks.Select(m => m.Id).ToList());
    }

    /// <summary>
    /// Claims the messages in one statement, as <see cref="ClaimAsync"/> does for one: only the rows
    /// still Queued move to Sending, and the statement returns their ids, so two dispatchers never both
    /// hold a message. A message another dispatcher took is read back.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimBatchAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var started = OutboxMetrics.Start();
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = entity.GetTableName();
        var id = entity.FindProperty(nameof(OutboxMessage.Id))!.GetColumnName();
        var status = entity.FindProperty(nameof(OutboxMessage.Status))!.GetColumnName();
        var placeholders = string.Join(", ", Enumerable.Range(2, messages.Count).Select(i => "{" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}"));
        var sql = "UPDATE \"" + table + "\" SET \"" + status + "\" = {0} WHERE \"" + status + "\" = {1} AND \"" + id + "\" IN (" + placeholders + ") RETURNING \"" + id + "\" AS \"Value\"";
        object[] parameters = [nameof(MessageStatus.Sending), nameof(MessageStatus.Queued), .. messages.Select(m => (object)m.Id)];
        var ids = (await db.Database.SqlQueryRaw<long>(sql, parameters).ToListAsync(ct)).ToHashSet();
        OutboxMetrics.Record("claim", started);

        var claimed = new List<OutboxMessage>();
        foreach (var message in messages)
        {
            if (!ids.Contains(message.Id))
            {
                await db.Entry(message).ReloadAsync(ct);
                continue;
            }

            // The tracker must know the row is Sending now, so that a later change back to Queued is saved.
            db.Entry(message).Property(m => m.Status).OriginalValue = MessageStatus.Sending;
            message.Status = MessageStatus.Sending;
            claimed.Add(message);
        }

        return claimed;
    }

    private async Task<Dictionary<long, (PaymentRequestRecord Record, PaymentRequestOutcome Outcome)>> CreatePaymentRequestsAsync(List<OutboxMessage> messages, CancellationToken ct)
    {
        var requestIds = messages.Where(m => m.PaymentRequestId is not null).Select(m => m.PaymentRequestId!.Value).Distinct().ToList();
        if (requestIds.Count == 0)
        {
            return [];
        }

        var started = OutboxMetrics.Start();
        var records = await db.PaymentRequests.Where(r => requestIds.Contains(r.Id)).ToListAsync(ct);
        OutboxMetrics.Record("load", started);

        var outcomes = await paymentRequests.CreateBatchAsync(records, ct);
        return records.ToDictionary(r => r.Id, r => (r, outcomes[r]));
    }

    // Puts the Tikkie link on the message, or settles the message when there is none to send.
    private async Task<MessageStatus?> ApplyPaymentRequestAsync(
        OutboxMessage message,
        Debtor debtor,
        Dictionary<long, (PaymentRequestRecord Record, PaymentRequestOutcome Outcome)> links,
        List<OutboxMessage> fallbacks,
        CancellationToken ct)
    {
        if (message.PaymentRequestId is not { } requestId)
        {
            return null;
        }

        var (record, outcome) = links[requestId];
        if (outcome.Error is { } error)
        {
            OutboxLog.SendError(logger, error, message.Id, error.GetType().Name);
            return await RetryAsync(message, debtor, "De Tikkie kon niet worden aangemaakt: " + error.GetType().Name, fallbacks, ct);
        }

        switch (outcome.Link)
        {
            case PaymentRequestLink.Expired:
                return CancelExpired(message);
            case PaymentRequestLink.Pending:
                return WaitForTikkie(message);
            case PaymentRequestLink.Ready:
                message.PaymentLink = record.Url;
                return null;
            default:
                throw new InvalidOperationException("Unknown payment request link " + outcome.Link);
        }
    }

    private async Task<MessageStatus> SendAsync(OutboxMessage message, Debtor debtor, RenderedMessage rendered, List<OutboxMessage> fallbacks, CancellationToken ct)
    {
        var started = OutboxMetrics.Start();
        try
        {
            if (message.Channel == MessageChannel.Letter)
            {
                await letters.WriteAsync(message, debtor, rendered, ct);
                return MarkSent(message, message.ProviderReference);
            }

            var outcome = message.Channel == MessageChannel.Sms
                ? await sms.SendAsync(new SmsMessage(debtor.Mobile!, rendered.TextBody, message.ClientReference), ct)
                : await email.SendAsync(new EmailMessage(debtor.Email!, debtor.Name, rendered.Subject ?? "", rendered.TextBody, rendered.HtmlBody, message.ClientReference), ct);

            return outcome switch
            {
                { Status: SendStatus.Sent } => MarkSent(message, outcome.ProviderReference ?? message.ProviderReference),
                { MayHaveBeenAccepted: true } => KeepSending(message, outcome),
                { Status: SendStatus.PermanentFailure } => await FailAsync(message, debtor, "rejected", outcome.Error ?? "Geweigerd door de provider.", fallbacks, ct),
                _ => await RetryAsync(message, debtor, outcome.Error ?? "Tijdelijke fout.", fallbacks, ct),
            };
        }
        finally
        {
            OutboxMetrics.Record(message.Channel == MessageChannel.Sms ? "sms" : "send", started);
        }
    }
}
