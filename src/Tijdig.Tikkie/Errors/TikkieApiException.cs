using System.Globalization;
using System.Net;

namespace Tijdig.Tikkie;

/// <summary>
/// One entry of the <c>errors</c> array that Tikkie returns on 4xx and 5xx.
/// </summary>
/// <param name="Code">Error code, for example <c>DESCRIPTION_MISSING</c>.</param>
/// <param name="Message">Text from Tikkie describing the error.</param>
/// <param name="Status">HTTP status repeated as an integer.</param>
/// <param name="TraceId">Trace id to quote to Tikkie support, or null.</param>
public sealed record TikkieError(string Code, string Message, int Status, string? TraceId);

/// <summary>
/// Thrown when the Tikkie API responds with a status other than 2xx. A body that is not the documented
/// <c>errors</c> envelope (for example a gateway error page) becomes one error with code
/// <see cref="UnexpectedResponseCode"/>.
/// </summary>
public sealed class TikkieApiException : Exception
{
    /// <summary>Code used for a failure response whose body is not the documented JSON envelope.</summary>
    public const string UnexpectedResponseCode = "UNEXPECTED_RESPONSE";

    /// <summary>Creates the exception from a status and the parsed errors.</summary>
    public TikkieApiException(HttpStatusCode statusCode, IReadOnlyList<TikkieError> errors, string? traceId)
        : base(BuildMessage(statusCode, errors))
    {
        StatusCode = statusCode;
        Errors = errors;
        TraceId = traceId;
    }

    /// <summary>HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Errors from the response body; never empty.</summary>
    public IReadOnlyList<TikkieError> Errors { get; }

    /// <summary>Value of the <c>Trace-Id</c> response header, or null.</summary>
    public string? TraceId { get; }

    /// <summary>Returns true when any error has the given code.</summary>
    public bool HasError(string code) => Errors.Any(error => error.Code == code);

    private static string BuildMessage(HttpStatusCode statusCode, IReadOnlyList<TikkieError> errors)
    {
        var details = string.Join("; ", errors.Select(error => $"{error.Code}: {error.Message}"));
        return string.Create(CultureInfo.InvariantCulture, $"Tikkie API returned {(int)statusCode} {statusCode}: {details}");
    }
}
