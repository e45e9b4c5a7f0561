using System.Text.RegularExpressions;

namespace Tijdig.Tikkie;

/// <summary>
/// Checks the client runs before sending, so an invalid request fails fast with the name of the value
/// instead of a 400 from Tikkie. The limits are those of the Tikkie API v2.3.3 OpenAPI document.
/// </summary>
public static partial class TikkieValidation
{
    /// <summary>Maximum length of a description.</summary>
    public const int MaxDescriptionLength = 35;

    /// <summary>
    /// Pattern of <c>referenceId</c> as published by Tikkie. Inside the class, <c>+-.</c> is a range,
    /// so <c>+ , - .</c> are all allowed.
    /// </summary>
    public const string ReferenceIdPattern = "^[a-zA-Z0-9!&'()+-./:?_`, ]{1,35}$";

    /// <summary>Largest value of an <c>int32</c> amount on the wire.</summary>
    public const long MaxWireAmountInCents = int.MaxValue;

    /// <summary>Throws <see cref="ArgumentException"/> when a payment request would be rejected.</summary>
    /// <param name="request">The request to check.</param>
    /// <param name="maxAmountInCents">Agreed maximum, or null for none.</param>
    /// <param name="today">Today in Europe/Amsterdam.</param>
    public static void CheckPaymentRequest(CreatePaymentRequest request, long? maxAmountInCents, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);

        CheckDescription(request.Description, nameof(request.Description));
        CheckReferenceId(request.ReferenceId, nameof(request.ReferenceId));

        if (request.AmountInCents is { } amount)
        {
            CheckAmount(amount, maxAmountInCents, nameof(request.AmountInCents));
        }

        if (request.ExpiryDate is { } expiry && expiry < today)
        {
            throw new ArgumentException(
                $"ExpiryDate {expiry:yyyy-MM-dd} is before today ({today:yyyy-MM-dd}, Europe/Amsterdam); Tikkie rejects it with EXPIRY_DATE_NOT_ALLOWED.",
                nameof(request.ExpiryDate));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a refund would be rejected.</summary>
    public static void CheckRefund(CreateRefund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);

        CheckDescription(refund.Description, nameof(refund.Description));
        CheckReferenceId(refund.ReferenceId, nameof(refund.ReferenceId));
        CheckAmount(refund.AmountInCents, null, nameof(refund.AmountInCents));
    }

    /// <summary>Returns true when the value matches <see cref="ReferenceIdPattern"/>.</summary>
    public static bool IsValidReferenceId(string value) => ReferenceIdRegex().IsMatch(value);

    private static void CheckDescription(string? description, string name)
    {
        if (string.IsNullOrEmpty(description))
        {
            throw new ArgumentException($"{name} is missing; Tikkie requires 1 to {MaxDescriptionLength} characters.", name);
        }

        if (description.Length > MaxDescriptionLength)
        {
            throw new ArgumentException($"{name} has {description.Length} characters; Tikkie allows at most {MaxDescriptionLength}.", name);
        }
    }

    private static void CheckReferenceId(string? referenceId, string name)
    {
        if (referenceId is not null && !IsValidReferenceId(referenceId))
        {
            throw new ArgumentException(
                $"{name} '{referenceId}' is invalid; use 1 to 35 letters, digits, spaces or the characters ! & ' ( ) + , - . / : ? _ `.",
                name);
        }
    }

    private static void CheckAmount(long amount, long? maxAmountInCents, string name)
    {
        if (amount <= 0)
        {
            throw new ArgumentException($"{name} is {amount}; it must be positive.", name);
        }

        var limit = Math.Min(maxAmountInCents ?? MaxWireAmountInCents, MaxWireAmountInCents);
        if (amount > limit)
        {
            throw new ArgumentException($"{name} is {amount}; the maximum is {limit} cents.", name);
        }
    }

    [GeneratedRegex(ReferenceIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceIdRegex();
}
