namespace Tijdig.Tikkie.Sandbox.Control;

/// <summary>
/// Fault switches set through the control endpoints, so tests can exercise retries and idempotency.
/// They apply to the <c>/v2/tikkie</c> API and to outgoing notifications only.
/// </summary>
public sealed class SandboxFaults
{
    private int failNextRequests;
    private int dropNextNotifications;
    private long apiRequestCount;

    /// <summary>Delay added before every API response.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When true every notification is delivered twice.</summary>
    public bool DuplicateNotifications { get; set; }

    /// <summary>API requests received since start, failed ones included.</summary>
    public long ApiRequestCount => Interlocked.Read(ref apiRequestCount);

    /// <summary>Number of coming API requests that will get a 500.</summary>
    public int FailNextRequests
    {
        get => Volatile.Read(ref failNextRequests);
        set => Volatile.Write(ref failNextRequests, Math.Max(0, value));
    }

    /// <summary>Number of coming notifications that will not be sent at all.</summary>
    public int DropNextNotifications
    {
        get => Volatile.Read(ref dropNextNotifications);
        set => Volatile.Write(ref dropNextNotifications, Math.Max(0, value));
    }

    /// <summary>Clears every switch; the request count stays.</summary>
    public void Reset()
    {
        FailNextRequests = 0;
        DropNextNotifications = 0;
        ResponseDelay = TimeSpan.Zero;
        DuplicateNotifications = false;
    }

    internal void CountApiRequest() => Interlocked.Increment(ref apiRequestCount);

    internal bool TakeFailure() => TakeOne(ref failNextRequests);

    internal bool TakeDrop() => TakeOne(ref dropNextNotifications);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
