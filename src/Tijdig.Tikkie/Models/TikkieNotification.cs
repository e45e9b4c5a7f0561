using System.Text.Json;

namespace Tijdig.Tikkie;

/// <summary>Kind of a Tikkie webhook notification, from the body field <c>notificationType</c>.</summary>
public enum TikkieNotificationType
{
    /// <summary>A payment was made on a payment request.</summary>
    Payment,

    /// <summary>A refund was executed.</summary>
    Refund,

    /// <summary>A transaction bundle was paid out.</summary>
    Bundle,
}

/// <summary>
/// Body of a webhook notification. It carries only tokens: fetch the payment or refund with a GET
/// before acting, because notifications are unsigned and may arrive twice.
/// </summary>
/// <param name="SubscriptionId">Id returned when subscribing; compare it with the stored one.</param>
/// <param name="NotificationType">Kind of notification.</param>
/// <param name="PaymentRequestToken">Set for payment and refund notifications.</param>
/// <param name="PaymentToken">Set for payment and refund notifications.</param>
/// <param name="RefundToken">Set for refund notifications.</param>
/// <param name="BundleId">Set for bundle notifications.</param>
public sealed record TikkieNotification(
    string SubscriptionId,
    TikkieNotificationType NotificationType,
    string? PaymentRequestToken,
    string? PaymentToken,
    string? RefundToken,
    string? BundleId)
{
    /// <summary>
    /// Parses a notification body. Returns false for malformed JSON, a missing <c>subscriptionId</c>,
    /// an unknown <c>notificationType</c> or a token that the type requires but the body lacks.
    /// A webhook endpoint should still return 2xx for an unknown type, so Tikkie does not retry it.
    /// </summary>
    public static bool TryParse(string json, out TikkieNotification? notification)
    {
        notification = null;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var subscriptionId = ReadString(root, "subscriptionId");
            var type = ParseType(ReadString(root, "notificationType"));
            if (string.IsNullOrEmpty(subscriptionId) || type is null)
            {
                return false;
            }

            var candidate = new TikkieNotification(
                subscriptionId,
                type.Value,
                ReadString(root, "paymentRequestToken"),
                ReadString(root, "paymentToken"),
                ReadString(root, "refundToken"),
                ReadString(root, "bundleId"));
            if (!candidate.HasRequiredTokens())
            {
                return false;
            }

            notification = candidate;
            return true;
        }
    }

    private bool HasRequiredTokens() => NotificationType switch
    {
        TikkieNotificationType.Payment => !string.IsNullOrEmpty(PaymentRequestToken) && !string.IsNullOrEmpty(PaymentToken),
        TikkieNotificationType.Refund => !string.IsNullOrEmpty(PaymentRequestToken) && !string.IsNullOrEmpty(PaymentToken) && !string.IsNullOrEmpty(RefundToken),
        TikkieNotificationType.Bundle => !string.IsNullOrEmpty(BundleId),
        _ => false,
    };

    private static TikkieNotificationType? ParseType(string? value) => value switch
    {
        "PAYMENT" => TikkieNotificationType.Payment,
        "REFUND" => TikkieNotificationType.Refund,
        "BUNDLE" => TikkieNotificationType.Bundle,
        _ => null,
    };

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
