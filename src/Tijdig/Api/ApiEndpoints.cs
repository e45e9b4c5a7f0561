using System.Globalization;
using Tijdig.Outbox;
using Tijdig.Payments;
using Tijdig.Reporting;

namespace Tijdig.Api;

/// <summary>The HTTP API under /api/v1: the Tikkie notification intake and read-only reports.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapTijdigApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1");

        api.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        api.MapDeliveryReports();

        // Tikkie retries a notification that does not get a 2xx, so every outcome we understand,
        // including "ignored", answers 200; only our own failure answers 5xx, to get a retry.
        api.MapPost("/tikkie/notifications", async (HttpRequest request, TikkiePaymentIntake intake, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            var outcome = await intake.HandleNotificationAsync(body, ct);
            return Results.Ok(new { outcome = outcome.ToString() });
        }).DisableAntiforgery();

        api.MapGet("/report", async (string? date, BuildReport report, Hosting.BusinessCalendar calendar, CancellationToken ct) =>
        {
            if (!TryParseDate(date, calendar.Today, out var day))
            {
                return Results.Problem(detail: $"date '{date}' is invalid: use YYYY-MM-DD.", statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Ok(await report.RunAsync(day, ct));
        });

        api.MapGet("/messages", async (string? date, ListMessages messages, Hosting.BusinessCalendar calendar, CancellationToken ct) =>
        {
            if (!TryParseDate(date, calendar.Today, out var day))
            {
                return Results.Problem(detail: $"date '{date}' is invalid: use YYYY-MM-DD.", statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Ok(await messages.RunAsync(day, ct));
        });

        return endpoints;
    }

    private static bool TryParseDate(string? value, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrEmpty(value))
        {
            date = fallback;
            return true;
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
