namespace Tijdig.Hosting;

/// <summary>Business dates are dates in Europe/Amsterdam, whatever the server's time zone.</summary>
public sealed class BusinessCalendar(TimeProvider clock)
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
