using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tijdig.Tikkie.Sandbox.Notifications;
using Tijdig.Tikkie.Sandbox.Payments;

namespace Tijdig.Tikkie.Sandbox.Control;

/// <summary>Body of the pay control endpoint; every field is optional except the amount of an open request.</summary>
public sealed record PayCommand(long? AmountInCents, string? CounterPartyName, string? CounterPartyAccountNumber);

/// <summary>Body of the clock control endpoint.</summary>
public sealed record AdvanceClockCommand(int Days, int Hours, int Minutes);

/// <summary>Body of the fault control endpoint; a field left out keeps its current value.</summary>
public sealed record FaultsCommand(
    int? FailNextRequests,
    int? ResponseDelayMs,
    int? DropNextNotifications,
    bool? DuplicateNotifications,
    int? FailPercent = null,
    int? FailSeed = null,
    bool? FailAfterCreate = null);

/// <summary>
/// Test and demo endpoints under <c>/tikkie-sandbox/control</c>. They are not part of Tikkie and need no
/// authentication, so never expose the sandbox beyond the developer's machine.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/tikkie-sandbox/control").DisableAntiforgery();

        control.MapPost("/paymentrequests/{paymentRequestToken}/pay", (string paymentRequestToken, PayCommand? command, SandboxPayments payments) =>
        {
            var result = payments.Pay(paymentRequestToken, command?.AmountInCents, command?.CounterPartyName, command?.CounterPartyAccountNumber);
            return result.Failure switch
            {
                PayFailure.None => Results.Ok(new { paymentToken = result.Payment!.Token, tikkieId = result.Payment.TikkieId, amountInCents = result.Payment.AmountInCents, status = result.Status }),
                PayFailure.NotFound => Results.NotFound(new { error = "Payment request not found." }),
                PayFailure.NotPayable => Results.Conflict(new { error = "Payment request cannot be paid.", status = result.Status }),
                PayFailure.AmountRequired => Results.BadRequest(new { error = "amountInCents is required for an open payment request." }),
                _ => Results.BadRequest(new { error = "amountInCents must be positive and, for a fixed-amount request, equal to its amount." }),
            };
        });

        control.MapPost("/paymentrequests/{paymentRequestToken}/close", (string paymentRequestToken, SandboxPayments payments) =>
            payments.Close(paymentRequestToken) ? Results.NoContent() : Results.NotFound(new { error = "Payment request not found." }));

        control.MapPost("/refunds/{refundToken}/execute", (string refundToken, SandboxPayments payments) =>
            payments.ExecuteRefund(refundToken) ? Results.NoContent() : Results.NotFound(new { error = "Refund not found." }));

        control.MapGet("/clock", (SandboxClock clock) => ClockState(clock));
        control.MapPost("/clock/advance", (AdvanceClockCommand command, SandboxClock clock) =>
        {
            var span = new TimeSpan(command.Days, command.Hours, command.Minutes, 0);
            if (span < TimeSpan.Zero)
            {
                return Results.BadRequest(new { error = "The clock only moves forward." });
            }

            clock.Advance(span);
            return ClockState(clock);
        });

        control.MapGet("/faults", (SandboxFaults faults) => FaultState(faults));
        control.MapPost("/faults", (FaultsCommand command, SandboxFaults faults) =>
        {
            if (command.FailPercent is < 0 or > 100)
            {
                return Results.BadRequest(new { error = $"failPercent must be between 0 and 100; got {command.FailPercent}." });
            }

            if (command.FailPercent is not null || command.FailSeed is not null)
            {
                faults.SetCreateFailures(command.FailPercent ?? faults.FailPercent, command.FailSeed ?? faults.FailSeed);
            }

            faults.FailAfterCreate = command.FailAfterCreate ?? faults.FailAfterCreate;
            faults.FailNextRequests = command.FailNextRequests ?? faults.FailNextRequests;
            faults.DropNextNotifications = command.DropNextNotifications ?? faults.DropNextNotifications;
            faults.DuplicateNotifications = command.DuplicateNotifications ?? faults.DuplicateNotifications;
            if (command.ResponseDelayMs is { } delay)
            {
                faults.ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, delay));
            }

            return FaultState(faults);
        });
        control.MapDelete("/faults", (SandboxFaults faults) =>
        {
            faults.Reset();
            return FaultState(faults);
        });

        control.MapGet("/notifications", (NotificationDispatcher notifications) => Results.Ok(notifications.Deliveries));
    }

    private static IResult ClockState(SandboxClock clock) =>
        Results.Ok(new { utcNow = clock.GetUtcNow(), today = clock.Today });

    private static IResult FaultState(SandboxFaults faults) => Results.Ok(new
    {
        failNextRequests = faults.FailNextRequests,
        responseDelayMs = (int)faults.ResponseDelay.TotalMilliseconds,
        dropNextNotifications = faults.DropNextNotifications,
        duplicateNotifications = faults.DuplicateNotifications,
        failPercent = faults.FailPercent,
        failSeed = faults.FailSeed,
        failAfterCreate = faults.FailAfterCreate,
        createFailuresInjected = faults.CreateFailuresInjected,
        apiRequestCount = faults.ApiRequestCount,
    });
}
