namespace Tijdig.Tikkie;

// Business dates of Tikkie are days in the Netherlands, whatever the machine's own time zone.
internal static class AmsterdamCalendar
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
