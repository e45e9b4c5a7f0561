namespace Tijdig.Payments.Portal;

/// <summary>Limits of the portal's Tikkie requests, section <c>Portal:Tikkie</c>.</summary>
public sealed class PortalTikkieSettings
{
    /// <summary>Requests one IP address may make per <see cref="IpWindowMinutes"/>; more get HTTP 429.</summary>
    public int IpPermitsPerWindow { get; set; } = 10;

    public int IpWindowMinutes { get; set; } = 10;

    /// <summary>Requests per debtor number per day. More get the same neutral response and send nothing.</summary>
    public int DebtorPermitsPerDay { get; set; } = 3;

    /// <summary>Requests waiting for the background worker; when full, new requests get the neutral response and are dropped.</summary>
    public int QueueCapacity { get; set; } = 1000;
}
