using System.Text.Json.Nodes;

namespace Tijdig.Messaging.Templates;

/// <summary>Turns a <see cref="TemplateModel"/> into the Liquid variables, formatted for one language.</summary>
internal static class TemplateVariables
{
    public static JsonObject Create(TemplateModel model, string language)
    {
        DateOnly? dueDate = model.DueDate ?? (model.Invoices.Count > 0 ? model.Invoices.Min(invoice => invoice.DueDate) : null);
        long? totalWithCosts = model.CollectionCostsCents is long costs ? model.TotalAmountCents + costs : null;

        JsonArray invoices = [];
        foreach (InvoiceLine invoice in model.Invoices)
        {
            invoices.Add(new JsonObject
            {
                ["number"] = invoice.Number,
                ["due_date"] = MessageFormatting.Date(invoice.DueDate, language),
                ["amount"] = MessageFormatting.Amount(invoice.AmountCents, language),
            });
        }

        JsonArray instalments = [];
        foreach (InstalmentLine instalment in model.Instalments)
        {
            instalments.Add(new JsonObject
            {
                ["number"] = instalment.Number,
                ["due_date"] = MessageFormatting.Date(instalment.DueDate, language),
                ["amount"] = MessageFormatting.Amount(instalment.AmountCents, language),
            });
        }

        return new JsonObject
        {
            ["debtor_name"] = model.DebtorName,
            ["debtor_number"] = model.DebtorNumber,
            ["total_amount"] = MessageFormatting.Amount(model.TotalAmountCents, language),
            ["invoices"] = invoices,
            ["invoice_count"] = model.Invoices.Count,
            ["payment_link"] = Blank(model.PaymentLink),
            ["arrangement_link"] = model.ArrangementLink,
            ["collection_costs"] = Amount(model.CollectionCostsCents, language),
            ["collection_costs_include_vat"] = model.CollectionCostsIncludeVat,
            ["total_with_costs"] = Amount(totalWithCosts, language),
            ["reply_by_date"] = Date(model.ReplyByDate, language),
            ["organisation_name"] = model.OrganisationName,
            ["business_date"] = MessageFormatting.Date(model.BusinessDate, language),
            ["due_date"] = Date(dueDate, language),
            ["instalments"] = instalments,
            ["instalment_count"] = model.Instalments.Count,
            ["termination_date"] = Date(model.TerminationDate, language),
            ["contact_phone"] = Blank(model.ContactPhone),
            ["contact_email"] = Blank(model.ContactEmail),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Amount(long? cents, string language) => cents is long value ? MessageFormatting.Amount(value, language) : null;

    private static string? Date(DateOnly? date, string language) => date is DateOnly value ? MessageFormatting.Date(value, language) : null;
}
