namespace Tijdig.Tikkie.Sandbox;

/// <summary>
/// Settings of the local Tikkie sandbox.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>Path of the SQLite file that keeps state across restarts; null keeps everything in memory.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Root used in the payment <c>url</c>; null uses the scheme and host of the API request itself.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// API key and app token pairs that work without calling <c>/sandboxapps</c>. Each token is bound
    /// to its key and has every permission.
    /// </summary>
    public IList<(string ApiKey, string AppToken)> PreregisteredApps { get; } = [];

    /// <summary>Base clock; null uses the system clock. The control endpoint moves it forward on top of this.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>IANA time zone in which <c>expiryDate</c> ends; Tikkie does not document it, so it is configurable.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>
    /// False (the default) limits every new payment request to one payment, after which it shows
    /// <c>MAX_SUCCESSFUL_PAYMENTS_REACHED</c>. True lets requests stay <c>OPEN</c> and collect any number of payments.
    /// </summary>
    public bool UnlimitedPayments { get; set; }

    /// <summary>
    /// Threshold for <c>PAYMENT_REQUEST_MAX_AMOUNT_EXCEEDED</c>. Null (the default) applies none, as the real sandbox does.
    /// </summary>
    public long? MaxAmountInCents { get; set; }

    /// <summary>Delivery attempts per notification, the first included; Tikkie makes at most three.</summary>
    public int NotificationAttempts { get; set; } = 3;

    /// <summary>Wait between two delivery attempts of one notification.</summary>
    public TimeSpan NotificationRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Port for <see cref="TikkieSandboxServer"/>; null or 0 picks a free one.</summary>
    public int? Port { get; set; }

    internal void CopyTo(SandboxOptions target)
    {
        target.DatabasePath = DatabasePath;
        target.PublicBaseUrl = PublicBaseUrl;
        foreach (var app in PreregisteredApps)
        {
            target.PreregisteredApps.Add(app);
        }

        target.Clock = Clock;
        target.TimeZone = TimeZone;
        target.UnlimitedPayments = UnlimitedPayments;
        target.MaxAmountInCents = MaxAmountInCents;
        target.NotificationAttempts = NotificationAttempts;
        target.NotificationRetryDelay = NotificationRetryDelay;
        target.Port = Port;
    }
}
