namespace Tijdig.Domain.Dunning;

/// <summary>
/// Presenting a returned direct debit again. Only for the reasons in <see cref="ReasonCodes"/>
/// (insufficient funds AM04, no reason given MS03), at most <see cref="MaxAttempts"/> times, on the
/// first bank day <see cref="DaysAfterPayDay"/> days after the next pay day. The SMS Tikkie goes out at
/// the same time, so the parent can pay at once.
/// </summary>
public sealed class RepresentationPolicy
{
    /// <summary>Reasons after which the law or the scheme rules forbid another attempt: refund, refusal, closed account, deceased, no mandate.</summary>
    public static readonly IReadOnlyList<string> NeverRepresent = ["MD06", "MS02", "AC04", "MD07", "MD01"];

    public List<string> ReasonCodes { get; set; } = [];

    /// <summary>Re-presentations after the first collection: 0, 1 or 2.</summary>
    public int MaxAttempts { get; set; }

    /// <summary>The day of the month most parents are paid, such as 25.</summary>
    public int PayDayOfMonth { get; set; } = 25;

    public int DaysAfterPayDay { get; set; } = 1;

    public RepresentationPolicy WithMaxAttempts(int max) =>
        new() { ReasonCodes = ReasonCodes, MaxAttempts = max, PayDayOfMonth = PayDayOfMonth, DaysAfterPayDay = DaysAfterPayDay };

    /// <summary>Returns true when a collection returned with <paramref name="reasonCode"/> on attempt <paramref name="attempt"/> (1 for the first) may go out again.</summary>
    public bool Allows(string reasonCode, int attempt) =>
        attempt <= MaxAttempts
        && ReasonCodes.Contains(reasonCode, StringComparer.OrdinalIgnoreCase)
        && !NeverRepresent.Contains(reasonCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the collection date after <paramref name="returnedOn"/>: the next pay day plus the offset, moved off weekends.</summary>
    public DateOnly NextCollectionDate(DateOnly returnedOn)
    {
        var payDay = PayDayIn(returnedOn.Year, returnedOn.Month);
        var date = payDay.AddDays(DaysAfterPayDay);
        if (date <= returnedOn)
        {
            var next = returnedOn.AddMonths(1);
            date = PayDayIn(next.Year, next.Month).AddDays(DaysAfterPayDay);
        }

        // TODO(dunning): skip TARGET2 closing days as well; weekends only for now.
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private DateOnly PayDayIn(int year, int month) =>
        new(year, month, Math.Min(PayDayOfMonth, DateTime.DaysInMonth(year, month)));
}
