using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tijdig.Tikkie.Sandbox.Payments;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.PaymentPage;

/// <summary>
/// The Dutch page behind the payment <c>url</c>, imitating the iDEAL simulator of the real sandbox.
/// </summary>
internal static partial class PaymentPageEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tikkie-sandbox/pay/{paymentRequestToken}", Show);

        // The form is read by hand, so no antiforgery token is needed for this test page.
        endpoints.MapPost("/tikkie-sandbox/pay/{paymentRequestToken}", SubmitAsync).DisableAntiforgery();
    }

    private static IResult Show(string paymentRequestToken, SandboxStore store, SandboxClock clock)
    {
        var request = store.FindPaymentRequest(paymentRequestToken, appToken: null);
        if (request is null)
        {
            return NotFound();
        }

        var status = request.StatusOn(clock.Today);
        return status == "OPEN" ? Html(PageHtml.Form(request, null, null, null)) : NotPayable(status);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, string paymentRequestToken, SandboxStore store, SandboxClock clock, SandboxPayments payments)
    {
        var request = store.FindPaymentRequest(paymentRequestToken, appToken: null);
        if (request is null)
        {
            return NotFound();
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var bankCode = form["bank"].ToString();
        var amountText = form["amount"].ToString();
        var payerName = form["payerName"].ToString();

        var bankName = DutchBanks.NameOf(bankCode);
        if (bankName is null)
        {
            return Html(PageHtml.Form(request, "Kies je bank om verder te gaan.", amountText, payerName), StatusCodes.Status400BadRequest);
        }

        long? amount = null;
        if (request.AmountInCents is null)
        {
            amount = ParseEuroAmount(amountText);
            if (amount is null)
            {
                return Html(PageHtml.Form(request, "Vul een geldig bedrag in, bijvoorbeeld 12,50.", amountText, payerName), StatusCodes.Status400BadRequest);
            }
        }

        var result = payments.Pay(request.Token, amount, payerName, DutchBanks.TestIban(bankCode));
        return result.Failure switch
        {
            PayFailure.None => Html(PageHtml.Confirmation(request, result.Payment!.AmountInCents, bankName)),
            PayFailure.NotPayable => NotPayable(result.Status!),
            PayFailure.NotFound => NotFound(),
            _ => Html(PageHtml.Form(request, "Vul een geldig bedrag in, bijvoorbeeld 12,50.", amountText, payerName), StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>Reads an amount in euros as a Dutch payer types it ("12,50", "12.5", "12"); null when invalid or not positive.</summary>
    public static long? ParseEuroAmount(string text)
    {
        var match = EuroAmountRegex().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var euros = long.Parse(match.Groups["euros"].Value, CultureInfo.InvariantCulture);
        var centsText = match.Groups["cents"].Value.PadRight(2, '0');
        var cents = euros * 100 + (centsText.Length == 0 ? 0 : long.Parse(centsText, CultureInfo.InvariantCulture));
        return cents > 0 ? cents : null;
    }

    private static IResult NotPayable(string status) => status switch
    {
        "EXPIRED" => Html(PageHtml.Message("Betaalverzoek verlopen", "Dit betaalverzoek is verlopen en kan niet meer worden betaald."), StatusCodes.Status410Gone),
        "CLOSED" => Html(PageHtml.Message("Betaalverzoek gesloten", "Dit betaalverzoek is ingetrokken en kan niet meer worden betaald."), StatusCodes.Status410Gone),
        _ => Html(PageHtml.Message("Al betaald", "Dit betaalverzoek is al betaald. Je hoeft niets meer te doen."), StatusCodes.Status410Gone),
    };

    private static IResult NotFound() =>
        Html(PageHtml.Message("Betaalverzoek niet gevonden", "Dit betaalverzoek bestaat niet. Controleer de link in je bericht."), StatusCodes.Status404NotFound);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);

    [GeneratedRegex(@"^(?<euros>\d{1,7})(?:[.,](?<cents>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EuroAmountRegex();
}
