using System.Globalization;
using System.Text;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Dunning;

/// <summary>
/// Composes the Tikkie reference id and description. Both stay within Tikkie's limits
/// (35 characters; the reference id in letters, digits and a few punctuation marks) and let a
/// parent and the credit team recognise the invoice.
/// </summary>
public static class PaymentRequestReferences
{
    public static string Create(string debtorNumber, DateOnly date, PaymentRequestPurpose purpose)
    {
        var safeNumber = new StringBuilder();
        foreach (var c in debtorNumber)
        {
            safeNumber.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var code = purpose switch
        {
            PaymentRequestPurpose.PreReminder => "PR",
            PaymentRequestPurpose.FailedDirectDebit => "DD",
            PaymentRequestPurpose.Arrears => "AR",
            PaymentRequestPurpose.Instalment => "IN",
            PaymentRequestPurpose.BalanceRequest => "BR",
            _ => "XX",
        };

        var reference = string.Create(CultureInfo.InvariantCulture, $"TJ-{date:yyyyMMdd}-{code}-{safeNumber}");
        return reference.Length <= 35 ? reference : reference[..35];
    }

    public static string Description(IReadOnlyList<string> invoiceNumbers)
    {
        var text = invoiceNumbers.Count switch
        {
            0 => "Openstaand saldo",
            1 => "Factuur " + invoiceNumbers[0],
            _ => string.Create(CultureInfo.InvariantCulture, $"{invoiceNumbers.Count} facturen o.a. {invoiceNumbers[0]}"),
        };

        return text.Length <= 35 ? text : text[..35];
    }
}
