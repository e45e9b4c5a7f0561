using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tijdig.Tikkie.Sandbox.Api;

// Field rules of the request bodies, from the Tikkie API v2.3.3 schemas.
internal static partial class BodyRules
{
    public const int MaxDescriptionLength = 35;

    public static string? Description(JsonElement body, List<ApiError> errors)
    {
        if (!body.TryGetProperty("description", out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            errors.Add(ApiErrors.DescriptionMissing);
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > MaxDescriptionLength)
        {
            errors.Add(ApiErrors.DescriptionTooLong);
            return null;
        }

        return text;
    }

    public static string? ReferenceId(JsonElement body, List<ApiError> errors)
    {
        if (!body.TryGetProperty("referenceId", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !ReferenceIdRegex().IsMatch(value.GetString()!))
        {
            errors.Add(ApiErrors.ReferenceIdInvalid);
            return null;
        }

        return value.GetString();
    }

    /// <summary>Reads a positive int32 amount; returns null when absent, adding <paramref name="missing"/> if that is an error.</summary>
    public static long? Amount(JsonElement body, ApiError? missing, List<ApiError> errors)
    {
        if (!body.TryGetProperty("amountInCents", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (missing is not null)
            {
                errors.Add(missing);
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var amount) || amount <= 0)
        {
            errors.Add(ApiErrors.AmountInvalid);
            return null;
        }

        return amount;
    }

    public static DateOnly? ExpiryDate(JsonElement body, DateOnly today, List<ApiError> errors)
    {
        if (!body.TryGetProperty("expiryDate", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(ApiErrors.ExpiryDateInvalid);
            return null;
        }

        // Today itself is accepted; the request can be paid until the end of that day.
        if (date < today)
        {
            errors.Add(ApiErrors.ExpiryDateNotAllowed);
            return null;
        }

        return date;
    }

    [GeneratedRegex("^[a-zA-Z0-9!&'()+-./:?_`, ]{1,35}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceIdRegex();
}
