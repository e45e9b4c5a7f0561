using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Messaging.Templates;

namespace Tijdig.Outbox;

/// <summary>The check just before sending: is the reason the cycle queued the message still there?</summary>
public static class MessageRecheck
{
    // Messages that exist because of an arrangement or a request by the parent go out during a pause.
    private static readonly HashSet<string> SentDuringPause =
        [MessageSteps.InstalmentReminder, MessageSteps.ArrangementConfirmation, MessageSteps.BalanceRequest];

    /// <summary>Returns why the message must be cancelled, in Dutch for the credit team, or null to send it.</summary>
    /// <remarks>A booked payment arrangement pauses dunning through <see cref="Debtor.DunningPausedUntil"/>, so it is caught as a pause.</remarks>
    public static string? ReasonGone(OutboxMessage message, Debtor debtor, IReadOnlyList<Invoice> invoices, DateOnly today)
    {
        if (invoices.Count > 0 && invoices.All(i => i.OpenCents == 0))
        {
            return "Betaald voor verzending.";
        }

        if (debtor.DunningPausedUntil is { } until && until >= today && !SentDuringPause.Contains(message.Step))
        {
            return "Aanmanen gepauzeerd voor verzending" + (debtor.PauseReason is { Length: > 0 } reason ? ": " + reason : ".");
        }

        return null;
    }
}
