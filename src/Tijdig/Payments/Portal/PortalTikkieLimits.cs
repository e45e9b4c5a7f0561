using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tijdig.Payments.Portal;

/// <summary>
/// Rate limits of the portal's Tikkie forms, per IP address and per debtor number. The debtor
/// number sits in the form body, which the rate-limiting middleware cannot read before the page
/// handler, so the handler asks these partitioned limiters itself.
/// </summary>
public sealed class PortalTikkieLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> byIp;
    private readonly PartitionedRateLimiter<string> byDebtor;

    public PortalTikkieLimits(IOptions<PortalTikkieSettings> options)
    {
        var settings = options.Value;
        byIp = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.IpPermitsPerWindow,
            Window = TimeSpan.FromMinutes(settings.IpWindowMinutes),
            QueueLimit = 0,
        }));
        byDebtor = PartitionedRateLimiter.Create<string, string>(debtor => RateLimitPartition.GetFixedWindowLimiter(debtor, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.DebtorPermitsPerDay,
            Window = TimeSpan.FromDays(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when the IP address may make another request now.</summary>
    public bool TryAcquireForIp(string ip)
    {
        using var lease = byIp.AttemptAcquire(ip);
        return lease.IsAcquired;
    }

    /// <summary>True when another request for this debtor number may be handled; known and unknown numbers count alike.</summary>
    public bool TryAcquireForDebtor(string debtorNumber)
    {
        using var lease = byDebtor.AttemptAcquire(debtorNumber.ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        byIp.Dispose();
        byDebtor.Dispose();
    }
}
