namespace Tijdig.Tikkie;

/// <summary>
/// Settings of the Tikkie API v2 client, bound from a configuration section.
/// </summary>
public sealed class TikkieOptions
{
    /// <summary>
    /// Base URL of the API including the version path, for example
    /// <c>https://api-sandbox.abnamro.com/v2/tikkie</c>. A trailing slash is optional.
    /// </summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Consumer key of the app registered on the ABN AMRO developer portal, sent as the <c>API-Key</c> header.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// App token from the Tikkie Business Portal, sent as the <c>X-App-Token</c> header.
    /// Null is allowed only until <see cref="TikkieClient.CreateSandboxAppTokenAsync"/> has supplied one.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>
    /// Highest amount in cents that the client lets through to the API, as agreed with Tikkie for production.
    /// Null means no client-side limit.
    /// </summary>
    public long? MaxAmountInCents { get; set; }

    /// <summary>Retries of a failed GET after the first attempt, at least 1. POST and DELETE are never retried.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base delay between GET retries; it grows exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one call including all retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(45);
}
