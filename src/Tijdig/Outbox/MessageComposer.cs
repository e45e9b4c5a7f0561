using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Dunning;
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
            CollectionCostsCents = CollectionCosts.CalculateCents(message.AmountCents),
            ReplyByDate = StatutoryTerm.EndDate(message.BusinessDate, extraHolidays: outbox.Value.ExtraHolidays),
        };
    }

    public static Messaging.Templates.MessageChannel ToTemplateChannel(Domain.Messaging.MessageChannel channel) => channel switch
    {
        Domain.Messaging.MessageChannel.Sms => Messaging.Templates.MessageChannel.Sms,
        Domain.Messaging.MessageChannel.Email => Messaging.Templates.MessageChannel.Email,
        _ => Messaging.Templates.MessageChannel.Letter,
    };
}
