using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;
using Tijdig.Messaging;
using Tijdig.Messaging.Links;
using Tijdig.Messaging.Templates;

namespace Tijdig.Outbox;

/// <summary>The invoices a message is about, and the arrangement's instalments for the messages that list them, as loaded just before sending.</summary>
public sealed record MessageContext(IReadOnlyList<Invoice> Invoices, IReadOnlyList<InstalmentLine> Instalments);

/// <summary>Builds the template model of an outbox message and renders it with the current template version.</summary>
public sealed class MessageComposer(
    TijdigDbContext db,
    TemplateStore templates,
    ArrangementLinks links,
    IOptions<OrganisationSettings> organisation,
    IOptions<OutboxSettings> outbox,
    DunningEngine engine,
    BusinessCalendar calendar)
{
    public async Task<MessageContext> LoadAsync(OutboxMessage message, CancellationToken ct)
    {
        var numbers = message.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => numbers.Contains(i.InvoiceNumber))
            .OrderBy(i => i.DueDate)
            .ToListAsync(ct);
        return new MessageContext(invoices, await InstalmentsAsync(message, ct));
    }

    /// <summary>
    /// <see cref="LoadAsync"/> for many messages with one invoice query, keyed by message id. The
    /// instalments are still loaded per message, for the few arrangement messages that show them.
    /// </summary>
    public async Task<Dictionary<long, MessageContext>> LoadBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var numbers = messages
            .SelectMany(m => m.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var invoices = (await db.Invoices.AsNoTracking()
            .Where(i => numbers.Contains(i.InvoiceNumber))
            .ToListAsync(ct))
            .OrderBy(i => i.DueDate)
            .ToList();
        var byNumber = invoices.ToLookup(i => i.InvoiceNumber, StringComparer.Ordinal);

        var contexts = new Dictionary<long, MessageContext>();
        foreach (var message in messages)
        {
            var own = message.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal)
                .SelectMany(n => byNumber[n])
                .OrderBy(i => i.DueDate)
                .ToList();
            contexts[message.Id] = new MessageContext(own, await InstalmentsAsync(message, ct));
        }

        return contexts;
    }

    /// <summary>The instalments of the debtor's latest arrangement, for the messages that show them.</summary>
    private async Task<IReadOnlyList<InstalmentLine>> InstalmentsAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Step is not (MessageSteps.ArrangementConfirmation or MessageSteps.InstalmentReminder))
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

    public Task<RenderedMessage> RenderAsync(OutboxMessage message, Debtor debtor, MessageContext context, CancellationToken ct) =>
        templates.RenderAsync(message.Step, ToTemplateChannel(message.Channel), debtor.Language, Model(message, debtor, context), ct);

    public TemplateModel Model(OutboxMessage message, Debtor debtor, MessageContext context)
    {
        var settings = organisation.Value;
        var statutory = StatutoryNumbers(message, context);
        return new TemplateModel
        {
            DebtorName = debtor.Name,
            DebtorNumber = debtor.DebtorNumber,
            TotalAmountCents = message.AmountCents,
            Invoices = context.Invoices.Select(i => new InvoiceLine(i.InvoiceNumber, i.DueDate, i.OpenCents)).ToList(),
            PaymentLink = message.PaymentLink,
            ArrangementLink = links.Create(settings.PublicUrl, debtor.DebtorNumber, calendar.Today.AddDays(outbox.Value.ArrangementLinkValidDays)),
            OrganisationName = settings.Name,
            BusinessDate = message.BusinessDate,
            DueDate = message.Step == MessageSteps.InstalmentReminder
                ? context.Instalments.FirstOrDefault(i => i.DueDate >= message.BusinessDate)?.DueDate
                : context.Invoices.Count > 0 ? context.Invoices[0].DueDate : null,
            Instalments = context.Instalments,
            CollectionCostsCents = statutory.CostsCents,
            CollectionCostsIncludeVat = statutory.IncludesVat,
            ReplyByDate = statutory.TermEnd,
        };
    }

    /// <summary>
    /// Returns the costs and the last day of the term a message states: the numbers the engine stored
    /// on the message, so that the letter, the e-mail and a later claim agree to the cent and the day.
    /// Only the 14-day letter prints a term end; other steps state no costs unless the engine quoted them.
    /// </summary>
    private (long? CostsCents, bool IncludesVat, DateOnly? TermEnd) StatutoryNumbers(OutboxMessage message, MessageContext context)
    {
        var isLastChance = message.Step == MessageSteps.LastChance;
        if (message.CollectionCostsCents is { } costs)
        {
            return (costs, message.CollectionCostsVatCents > 0, isLastChance ? message.StatutoryTermEnd : null);
        }

        if (!isLastChance && message.Step != MessageSteps.Termination)
        {
            return (null, false, null);
        }

        // NOTE: only a message queued outside the dunning cycle (by hand, or before messages carried
        // the engine's numbers) gets here. The quote then ignores costs charged earlier in the
        // small-claim window, because that history is the engine's input and not stored on the message.
        var policy = engine.PolicyOn(message.BusinessDate);
        var quote = policy.CollectionCosts.Quote(
            message.AmountCents,
            context.Invoices.Select(i => i.AmountCents).ToList(),
            chargedInWindowCents: 0,
            message.BusinessDate,
            CollectionCosts.CalculateCents);
        var termEnd = isLastChance ? engine.CalendarFor(policy).TermEnd(message.BusinessDate) : (DateOnly?)null;
        return (quote.TotalCents, quote.VatCents > 0, termEnd);
    }

    public static Messaging.Templates.MessageChannel ToTemplateChannel(Domain.Messaging.MessageChannel channel) => channel switch
    {
        Domain.Messaging.MessageChannel.Sms => Messaging.Templates.MessageChannel.Sms,
        Domain.Messaging.MessageChannel.Email => Messaging.Templates.MessageChannel.Email,
        _ => Messaging.Templates.MessageChannel.Letter,
    };
}
