using System.Globalization;
using System.Text;
using Tijdig.Banking;
using Tijdig.Domain;
using Tijdig.Reporting;

namespace Tijdig.Cli;

/// <summary>Plain-text renderings of reports for the terminal.</summary>
public static class ReportText
{
    public static string Format(ReceivablesReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Receivables on {report.Date:yyyy-MM-dd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  open balance     {Money.Format(report.OpenBalanceCents)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  overdue balance  {Money.Format(report.OverdueBalanceCents)} ({report.OverdueInvoices} invoices)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  DSO (count-back) {report.DaysSalesOutstanding} days");
        text.AppendLine("  ageing:");
        foreach (var bucket in report.Ageing)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {bucket.Bucket,-8} {Money.Format(bucket.Cents),16} {bucket.Invoices,6} invoices");
        }

        text.AppendLine("  Tikkies per trigger (sent / paid):");
        foreach (var stats in report.PaymentRequests)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {stats.Trigger,-18} {stats.Sent,5} / {stats.Paid,-5} {Money.Format(stats.PaidCents)}");
        }

        return text.ToString();
    }
}

public static class BankReportText
{
    public static string Format(BankImportReport report)
    {
        var text = new StringBuilder();
        if (report.AlreadyImported)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{report.FileName} is al ingelezen op {report.PreviouslyImportedAt:yyyy-MM-dd HH:mm}; er is niets opnieuw geboekt (already imported; nothing booked again).");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{report.FileName}: {report.Kind} {report.MessageId}{(report.DryRun ? " (dry run: nothing booked)" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  entries {report.Entries}: new {report.NewEntries}, seen before {report.KnownEntries}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  statements: new {report.NewStatements}, seen before {report.KnownStatements}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  partial payments {report.PartialPayments}, overpayments {report.Overpayments} (credit balance {Money.Format(report.CreditBalanceCents)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  credited {Money.Format(report.CreditedCents)}, debited {Money.Format(report.DebitedCents)}");
        foreach (var (rule, count) in report.MatchedByRule)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  matched by {rule}: {count}");
        }

        foreach (var (reason, count) in report.ReturnsByReason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  returned/rejected {reason}: {count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  unmatched {report.Unmatched} (see /beheer/bank), not for Tijdig {report.Ignored}");
        if (report.ForeignCurrencyEntries > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  not booked: {report.ForeignCurrencyEntries} entries in a currency other than euro");
        }
        return text.ToString();
    }
}
