using System.Globalization;
using System.Text;

namespace Tijdig.Dunning.Claims;

/// <summary>
/// One row of a claim file for a collection agency. It carries only what an agency needs: who, how to
/// reach them, which invoices, the amounts and the dates, and the 14-day letter the claim rests on.
/// Amounts are in euros with a point as decimal separator; dates are ISO 8601 (yyyy-MM-dd).
/// </summary>
public sealed record ClaimFileRow(
    long ClaimId,
    string AgencyKey,
    string AgencyJustisNumber,
    string DebtorNumber,
    string DebtorName,
    string? Postcode,
    string? Email,
    string? Mobile,
    string InvoiceNumbers,
    string InvoiceDueDates,
    decimal Principal,
    decimal CollectionCosts,
    decimal CollectionCostsVat,
    decimal Interest,
    bool InterestCharged,
    decimal Total,
    DateOnly? StatutoryLetterSentOn,
    DateOnly? StatutoryTermEnd,
    DateOnly CreatedOn);

/// <summary>Writes claim files as CSV (semicolon-separated, header row, UTF-8) or JSON (an array of rows, camelCase names).</summary>
public static class ClaimFile
{
    /// <summary>
    /// The CSV columns in order. <c>invoice_numbers</c> and <c>invoice_due_dates</c> are comma-separated
    /// and in the same order; <c>total</c> is principal + costs + VAT, plus interest only when
    /// <c>interest_charged</c> is true (the interest is shown either way).
    /// </summary>
    public static readonly string[] Columns =
    [
        "claim_id", "agency", "agency_justis_number", "debtor_number", "debtor_name", "postcode", "email", "mobile",
        "invoice_numbers", "invoice_due_dates", "principal", "collection_costs", "collection_costs_vat", "interest",
        "interest_charged", "total", "statutory_letter_sent_on", "statutory_term_end", "created_on",
    ];

    public static string ToCsv(IEnumerable<ClaimFileRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', Columns));
        foreach (var row in rows)
        {
            string[] values =
            [
                row.ClaimId.ToString(CultureInfo.InvariantCulture),
                row.AgencyKey,
                row.AgencyJustisNumber,
                row.DebtorNumber,
                row.DebtorName,
                row.Postcode ?? "",
                row.Email ?? "",
                row.Mobile ?? "",
                row.InvoiceNumbers,
                row.InvoiceDueDates,
                Amount(row.Principal),
                Amount(row.CollectionCosts),
                Amount(row.CollectionCostsVat),
                Amount(row.Interest),
                row.InterestCharged ? "true" : "false",
                Amount(row.Total),
                Date(row.StatutoryLetterSentOn),
                Date(row.StatutoryTermEnd),
                Date(row.CreatedOn),
            ];
            text.AppendLine(string.Join(';', values.Select(Quote)));
        }

        return text.ToString();
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quotes a value that contains the separator, a quote or a line break (RFC 4180 style).</summary>
    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
