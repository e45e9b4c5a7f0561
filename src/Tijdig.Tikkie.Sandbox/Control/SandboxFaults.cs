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
    private long createFailuresInjected;

    // Guards the percentage switches: Random is not thread-safe, and the draws must follow the seed.
    private readonly Lock createGate = new();
    private int failPercent;
    private int failSeed;
    private Random createRandom = new(0);

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

    /// <summary>
    /// Percentage (0 to 100) of payment request creates that get a 500 <c>INTERNAL_SERVER_ERROR</c>.
    /// Only <c>POST /paymentrequests</c> is affected, so the list calls that reconcile a failed create
    /// still succeed. Setting it restarts the draws from <see cref="FailSeed"/>.
    /// </summary>
    public int FailPercent
    {
        get
        {
            lock (createGate)
            {
                return failPercent;
            }
        }
    }

    /// <summary>
    /// Seed of the draws behind <see cref="FailPercent"/>: with the same seed, the n-th create after
    /// the switch was set fails or succeeds the same way in every run. Which payment request is the
    /// n-th depends on the order in which concurrent callers arrive.
    /// </summary>
    public int FailSeed
    {
        get
        {
            lock (createGate)
            {
                return failSeed;
            }
        }
    }

    /// <summary>
    /// When true a failing create first stores the payment request and then returns 500, so the caller
    /// cannot tell whether the request exists. When false (the default) nothing is stored.
    /// </summary>
    public bool FailAfterCreate { get; set; }

    /// <summary>Creates that returned 500 because of <see cref="FailPercent"/> since start.</summary>
    public long CreateFailuresInjected => Interlocked.Read(ref createFailuresInjected);

    /// <summary>Sets <see cref="FailPercent"/> and <see cref="FailSeed"/> and restarts the draws.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is below 0 or above 100.</exception>
    public void SetCreateFailures(int percent, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        lock (createGate)
        {
            failPercent = percent;
            failSeed = seed;
            createRandom = new Random(seed);
        }
    }

    /// <summary>Clears every switch; the request count and the number of injected create failures stay.</summary>
    public void Reset()
    {
        FailNextRequests = 0;
        DropNextNotifications = 0;
        ResponseDelay = TimeSpan.Zero;
        DuplicateNotifications = false;
        FailAfterCreate = false;
        SetCreateFailures(0, 0);
    }

    internal void CountApiRequest() => Interlocked.Increment(ref apiRequestCount);

    internal bool TakeFailure() => TakeOne(ref failNextRequests);

    internal bool TakeDrop() => TakeOne(ref dropNextNotifications);

    /// <summary>Draws whether this create fails; every create draws once, so the sequence follows the seed.</summary>
    internal bool TakeCreateFailure()
    {
        bool fail;
        lock (createGate)
        {
            fail = failPercent > 0 && createRandom.Next(100) < failPercent;
        }

        if (fail)
        {
            Interlocked.Increment(ref createFailuresInjected);
        }

        return fail;
    }

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
