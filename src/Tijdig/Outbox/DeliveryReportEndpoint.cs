namespace Tijdig.Outbox;

/// <summary>The webhook CM posts SMS status reports to, configured in CM's Channels app: POST /api/v1/sms/status-reports.</summary>
public static class DeliveryReportEndpoint
{
    public static RouteGroupBuilder MapDeliveryReports(this RouteGroupBuilder api)
    {
        api.MapPost("/sms/status-reports", async (HttpRequest request, string? key, DeliveryReportIntake intake, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            var outcome = await intake.HandleAsync(body, key, ct);
            return outcome switch
            {
                DeliveryReportOutcome.Unauthorized => Results.Problem(detail: "The key is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized),
                DeliveryReportOutcome.Invalid => Results.Problem(detail: "The body is no CM status report: expected messages.msg with reference and status.code, in JSON or XML.", statusCode: StatusCodes.Status400BadRequest),
                _ => Results.Ok(new { outcome = outcome.ToString() }),
            };
        }).DisableAntiforgery();
        return api;
    }
}
