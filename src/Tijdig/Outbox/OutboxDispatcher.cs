using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Messaging;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;
using Tijdig.Dunning;
using Tijdig.Payments;
using TemplateChannel = Tijdig.Messaging.Templates.MessageChannel;

namespace Tijdig.Outbox;

public sealed record DispatchResult(int Sent, int Cancelled, int Failed, int Deferred);

/// <summary>
/// Sends queued messages: creates the Tikkie a message links to, renders the template, and hands
/// the message to the SMS gateway or e-mail sender with the message id as client reference, so a
/// retry after a crash is recognised downstream. Each message is saved as soon as it is sent.
/// </summary>
public sealed class OutboxDispatcher(
    TijdigDbContext db,
    PaymentRequestCreator paymentRequests,
    ITemplateRenderer templates,
    ISmsGateway sms,
    IEmailSender email,
    IOptions<OrganisationSettings> organisation,
    BusinessCalendar calendar,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxAttempts = 5;

    public async Task<DispatchResult> DispatchAsync(CancellationToken ct)
    {
        var queued = await db.Outbox.Where(m => m.Status == MessageStatus.Queued).OrderBy(m => m.Id).ToListAsync(ct);
        int sent = 0, cancelled = 0, failed = 0, deferred = 0;

        foreach (var message in queued)
        {
            var outcome = await DispatchOneAsync(message, ct);
            switch (outcome)
            {
                case MessageStatus.Sent:
                    sent++;
                    break;
                case MessageStatus.Cancelled:
                    cancelled++;
                    break;
                case MessageStatus.Failed:
                    failed++;
                    break;
                default:
                    deferred++;
                    break;
            }

            await db.SaveChangesAsync(ct);
        }

        return new DispatchResult(sent, cancelled, failed, deferred);
    }

    /// <summary>Sends one queued message now, such as the Tikkie a parent requested on the portal.</summary>
    public async Task<MessageStatus> DispatchMessageAsync(long messageId, CancellationToken ct)
    {
        var message = await db.Outbox.FirstAsync(m => m.Id == messageId, ct);
        if (message.Status != MessageStatus.Queued)
        {
            return message.Status;
        }

        var status = await DispatchOneAsync(message, ct);
        await db.SaveChangesAsync(ct);
        return status;
    }

    private async Task<MessageStatus> DispatchOneAsync(OutboxMessage message, CancellationToken ct)
    {
        var debtor = await db.Debtors.AsNoTracking().FirstAsync(d => d.Id == message.DebtorId, ct);
        var numbers = message.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => numbers.Contains(i.InvoiceNumber))
            .OrderBy(i => i.DueDate)
            .ToListAsync(ct);

        // The reason for the message may have gone since the cycle queued it: the parent paid.
        if (numbers.Length > 0 && invoices.All(i => i.OpenCents == 0))
        {
            message.Status = MessageStatus.Cancelled;
            message.LastError = "Betaald voor verzending.";
            return message.Status;
        }

        message.Attempts++;
        try
        {
            if (message.PaymentRequestId is { } requestId)
            {
                var request = await db.PaymentRequests.FirstAsync(r => r.Id == requestId, ct);
                if (await paymentRequests.EnsureCreatedAsync(request, ct) == PaymentRequestLink.Expired)
                {
                    // An expired link is never sent again; the next dunning step makes a new request.
                    message.Status = MessageStatus.Cancelled;
                    message.LastError = "Betaalverzoek verlopen voor verzending.";
                    return message.Status;
                }

                message.PaymentLink = request.Url;
            }

            var instalments = await InstalmentsAsync(message, ct);
            var rendered = Render(message, debtor, invoices, instalments);
            message.Subject = rendered.Subject;
            message.Body = rendered.TextBody;

            var outcome = message.Channel switch
            {
                Domain.Messaging.MessageChannel.Sms => await sms.SendAsync(new SmsMessage(debtor.Mobile!, rendered.TextBody, ClientReference(message)), ct),
                Domain.Messaging.MessageChannel.Email => await email.SendAsync(
                    new EmailMessage(debtor.Email!, debtor.Name, rendered.Subject ?? "", rendered.TextBody, rendered.HtmlBody, ClientReference(message)),
                    ct),
                _ => new SendOutcome(SendStatus.PermanentFailure, null, "Brieven worden nog niet verstuurd."),
            };

            return Apply(message, outcome);
        }
        catch (Exception exception) when (exception is HttpRequestException or Tikkie.TikkieApiException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Message {MessageId} not sent, attempt {Attempt}", message.Id, message.Attempts);
            message.LastError = exception.Message;
            return Defer(message);
        }
    }

    /// <summary>The instalments of the debtor's latest arrangement, for the messages that show them.</summary>
    private async Task<IReadOnlyList<InstalmentLine>> InstalmentsAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Step is not ("arrangement-confirmation" or "instalment-reminder"))
        {
            return [];
        }

        var arrangement = await db.Arrangements.AsNoTracking()
            .Include(a => a.Instalments)
            .Where(a => a.DebtorId == message.DebtorId)
            .OrderByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);
        return arrangement?.Instalments.OrderBy(i => i.Number).Select(i => new InstalmentLine(i.Number, i.DueDate, i.AmountCents)).ToList() ?? [];
    }

    private RenderedMessage Render(OutboxMessage message, Debtor debtor, List<Invoice> invoices, IReadOnlyList<InstalmentLine> instalments)
    {
        var settings = organisation.Value;
        var baseUrl = settings.PublicUrl.TrimEnd('/');
        var model = new TemplateModel
        {
            DebtorName = debtor.Name,
            DebtorNumber = debtor.DebtorNumber,
            TotalAmountCents = message.AmountCents,
            Invoices = invoices.Select(i => new InvoiceLine(i.InvoiceNumber, i.DueDate, i.OpenCents)).ToList(),
            PaymentLink = message.PaymentLink,
            ArrangementLink = baseUrl + "/betalingsregeling",
            OrganisationName = settings.Name,
            BusinessDate = message.BusinessDate,
            DueDate = message.Step == "instalment-reminder"
                ? instalments.FirstOrDefault(i => i.DueDate >= message.BusinessDate)?.DueDate
                : invoices.Count > 0 ? invoices[0].DueDate : null,
            Instalments = instalments,
            CollectionCostsCents = CollectionCosts.CalculateCents(message.AmountCents),
            ReplyByDate = StatutoryTerm.EndDate(message.BusinessDate),
        };

        var channel = message.Channel switch
        {
            Domain.Messaging.MessageChannel.Sms => TemplateChannel.Sms,
            Domain.Messaging.MessageChannel.Email => TemplateChannel.Email,
            _ => TemplateChannel.Letter,
        };
        return templates.Render(message.Step, channel, debtor.Language, model);
    }

    private MessageStatus Apply(OutboxMessage message, SendOutcome outcome)
    {
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                message.Status = MessageStatus.Sent;
                message.SentAt = calendar.Now;
                message.LastError = null;
                return message.Status;
            case SendStatus.PermanentFailure:
                message.Status = MessageStatus.Failed;
                message.LastError = outcome.Error;
                logger.LogWarning("Message {MessageId} failed permanently", message.Id);
                return message.Status;
            default:
                message.LastError = outcome.Error;
                return Defer(message);
        }
    }

    private static MessageStatus Defer(OutboxMessage message)
    {
        if (message.Attempts >= MaxAttempts)
        {
            message.Status = MessageStatus.Failed;
        }

        return message.Status;
    }

    private static string ClientReference(OutboxMessage message) => "tijdig-" + message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
