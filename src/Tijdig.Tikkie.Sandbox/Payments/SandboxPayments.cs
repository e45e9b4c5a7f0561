using Tijdig.Tikkie.Sandbox.Notifications;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Payments;

internal enum PayFailure
{
    None,
    NotFound,
    NotPayable,
    AmountRequired,
    AmountInvalid,
}

internal sealed record PayResult(PayFailure Failure, StoredPayment? Payment, string? Status)
{
    public bool Succeeded => Failure == PayFailure.None;
}

/// <summary>
/// Paying and closing requests, shared by the payment page and the control endpoints, and
/// the notifications that follow from them.
/// </summary>
internal sealed class SandboxPayments(SandboxStore store, SandboxClock clock, NotificationDispatcher notifications)
{
    public const string DefaultPayerName = "Sandbox Betaler";
    public const string DefaultPayerIban = "NL91ABNA0417164300";

    /// <summary>Pays a request; a fixed-amount request takes only its own amount, an open one needs a positive amount.</summary>
    public PayResult Pay(string requestToken, long? amountInCents, string? payerName, string? payerIban)
    {
        var request = store.FindPaymentRequest(requestToken, appToken: null);
        if (request is null)
        {
            return new PayResult(PayFailure.NotFound, null, null);
        }

        var status = request.StatusOn(clock.Today);
        if (status != "OPEN")
        {
            return new PayResult(PayFailure.NotPayable, null, status);
        }

        var amount = request.AmountInCents ?? amountInCents;
        if (amount is null)
        {
            return new PayResult(PayFailure.AmountRequired, null, status);
        }

        if (amount <= 0 || amount > int.MaxValue || (request.AmountInCents is { } fixedAmount && amountInCents is { } offered && offered != fixedAmount))
        {
            return new PayResult(PayFailure.AmountInvalid, null, status);
        }

        var payment = store.AddPayment(
            Guid.NewGuid().ToString(),
            request.Token,
            string.IsNullOrWhiteSpace(payerName) ? DefaultPayerName : payerName.Trim(),
            string.IsNullOrWhiteSpace(payerIban) ? DefaultPayerIban : payerIban.Trim(),
            amount.Value,
            clock.GetUtcNow());

        if (store.FindSubscription(request.AppToken) is { } subscription)
        {
            notifications.EnqueuePayment(subscription, request.Token, payment.Token);
        }

        return new PayResult(PayFailure.None, payment, store.FindPaymentRequest(requestToken, null)!.StatusOn(clock.Today));
    }

    /// <summary>Closes a request as if its owner removed it in the Tikkie app; returns false when it does not exist.</summary>
    public bool Close(string requestToken)
    {
        if (store.FindPaymentRequest(requestToken, appToken: null) is null)
        {
            return false;
        }

        store.CloseRequest(requestToken);
        return true;
    }

    /// <summary>Executes a pending refund and sends the REFUND notification; returns false when it does not exist.</summary>
    public bool ExecuteRefund(string refundToken)
    {
        var refund = store.FindRefund(refundToken);
        if (refund is null)
        {
            return false;
        }

        if (refund.Status == "PAID")
        {
            return true;
        }

        store.MarkRefundPaid(refundToken);
        var requestToken = store.FindRequestTokenOfPayment(refund.PaymentToken);
        var request = requestToken is null ? null : store.FindPaymentRequest(requestToken, null);
        if (request is not null && store.FindSubscription(request.AppToken) is { } subscription)
        {
            notifications.EnqueueRefund(subscription, request.Token, refund.PaymentToken, refundToken);
        }

        return true;
    }
}
