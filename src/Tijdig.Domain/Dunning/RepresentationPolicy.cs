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

    /// <summary>
    /// Returns the collection date after <paramref name="returnedOn"/>: the next pay day plus the offset,
    /// moved forward to the first day on which <paramref name="isCollectionDay"/> is true.
    /// </summary>
    /// <param name="isCollectionDay">
    /// The SEPA settlement calendar (TARGET2: closed on weekends, 1 January, Good Friday, Easter Monday,
    /// 1 May, 25 and 26 December); the host passes Tijdig.Sepa's calendar. Null skips weekends only.
    /// </param>
    public DateOnly NextCollectionDate(DateOnly returnedOn, Func<DateOnly, bool>? isCollectionDay = null)
    {
        var payDay = PayDayIn(returnedOn.Year, returnedOn.Month);
        var date = payDay.AddDays(DaysAfterPayDay);
        if (date <= returnedOn)
        {
            var next = returnedOn.AddMonths(1);
            date = PayDayIn(next.Year, next.Month).AddDays(DaysAfterPayDay);
        }

        isCollectionDay ??= day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        while (!isCollectionDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private DateOnly PayDayIn(int year, int month) =>
        new(year, month, Math.Min(PayDayOfMonth, DateTime.DaysInMonth(year, month)));
}
