namespace Tijdig.Domain.Dunning;

public static class InvoiceSnapshotExtensions
{
    public static int DaysPastDue(this InvoiceSnapshot invoice, DateOnly date) => date.DayNumber - invoice.DueDate.DayNumber;

    /// <summary>
    /// Returns how far the invoice is along the ladder in days past due. A reopened invoice counts as
    /// due again on the day it reopened, so a refund restarts at the first, friendly step and never
    /// jumps to the step reached before.
    /// </summary>
    public static int DaysIntoLadder(this InvoiceSnapshot invoice, DateOnly date)
    {
        var days = invoice.DaysPastDue(date);
        if (invoice.ReopenedOn is { } reopened)
        {
            days = Math.Min(days, date.DayNumber - reopened.DayNumber);
        }

        return days;
    }
}
