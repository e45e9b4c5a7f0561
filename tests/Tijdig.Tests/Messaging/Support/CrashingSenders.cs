using Tijdig.Messaging;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;

namespace Tijdig.Tests.Messaging.Support;

/// <summary>Thrown in place of a process crash; the dispatcher does not catch it.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("Simulated crash.")
    {
    }
}

/// <summary>
/// Where to crash: before the provider call, or after the provider accepted but before the outcome is
/// saved. <see cref="At"/> counts provider calls from 1; 0 never crashes.
/// </summary>
public sealed class CrashPlan
{
    private int _calls;

    public int At { get; set; }

    public bool AfterSend { get; set; }

    public async Task<SendOutcome> RunAsync(Func<Task<SendOutcome>> send)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call == At && !AfterSend)
        {
            throw new SimulatedCrashException();
        }

        var outcome = await send();
        if (call == At)
        {
            throw new SimulatedCrashException();
        }

        return outcome;
    }
}

public sealed class CrashingSmsGateway(ISmsGateway inner, CrashPlan plan) : ISmsGateway
{
    public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken ct) => plan.RunAsync(() => inner.SendAsync(message, ct));
}

public sealed class CrashingEmailSender(IEmailSender inner, CrashPlan plan) : IEmailSender
{
    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken ct) => plan.RunAsync(() => inner.SendAsync(message, ct));
}
