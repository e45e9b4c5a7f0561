namespace Tijdig.Domain.Dunning;

public static class InvoiceSnapshotExtensions
{
    public static int DaysPastDue(this InvoiceSnapshot invoice, DateOnly date) => date.DayNumber - invoice.DueDate.DayNumber;
}
