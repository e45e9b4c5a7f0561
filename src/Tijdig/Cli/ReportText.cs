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
        text.AppendLine(CultureInfo.InvariantCulture, $"Debiteurenstand op {report.Date:yyyy-MM-dd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  openstaand saldo {Money.Format(report.OpenBalanceCents)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  vervallen saldo  {Money.Format(report.OverdueBalanceCents)} ({report.OverdueInvoices} facturen)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  DSO (count-back) {report.DaysSalesOutstanding} dagen");
        text.AppendLine("  ouderdom:");
        foreach (var bucket in report.Ageing)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {bucket.Bucket,-8} {Money.Format(bucket.Cents),16} {bucket.Invoices,6} facturen");
        }

        text.AppendLine("  Tikkies per aanleiding (verstuurd / betaald):");
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

        text.AppendLine(CultureInfo.InvariantCulture, $"{report.FileName}: {report.Kind} {report.MessageId}{(report.DryRun ? " (proefrun: niets geboekt; dry run)" : "")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  posten {report.Entries}: nieuw {report.NewEntries}, eerder gezien {report.KnownEntries}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  afschriften: nieuw {report.NewStatements}, eerder gezien {report.KnownStatements}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  deelbetalingen {report.PartialPayments}, overbetalingen {report.Overpayments} (tegoed {Money.Format(report.CreditBalanceCents)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  bijgeschreven {Money.Format(report.CreditedCents)}, afgeschreven {Money.Format(report.DebitedCents)}");
        foreach (var (rule, count) in report.MatchedByRule)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  gematcht via {rule}: {count}");
        }

        foreach (var (reason, count) in report.ReturnsByReason)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  gestorneerd/geweigerd {reason}: {count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  zonder match {report.Unmatched} (zie /beheer/bank), niet voor Tijdig {report.Ignored}");
        if (report.ForeignCurrencyEntries > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  niet geboekt: {report.ForeignCurrencyEntries} posten in een andere valuta dan euro");
        }
        return text.ToString();
    }
}
