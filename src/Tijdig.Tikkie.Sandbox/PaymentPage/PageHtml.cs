using System.Globalization;
using System.Net;
using System.Text;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.PaymentPage;

// HTML of the Dutch payment page. Plain forms without JavaScript; every input has a label.
internal static class PageHtml
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euro(long cents) => "€ " + (cents / 100m).ToString("N2", Dutch);

    public static string Form(StoredPaymentRequest request, string? error, string? amountText, string? payerName)
    {
        var body = new StringBuilder();
        body.Append("<h1>Betaalverzoek</h1>");
        body.Append("<p class=\"omschrijving\">").Append(Encode(request.Description)).Append("</p>");
        body.Append(request.AmountInCents is { } amount
            ? $"<p class=\"bedrag\">Te betalen: <strong>{Encode(Euro(amount))}</strong></p>"
            : "<p class=\"bedrag\">Je kiest zelf het bedrag.</p>");

        if (error is not null)
        {
            body.Append("<p class=\"fout\" role=\"alert\">").Append(Encode(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" action=\"/tikkie-sandbox/pay/").Append(Encode(request.Token)).Append("\">");
        body.Append("<p><label for=\"bank\">Kies je bank</label><br><select id=\"bank\" name=\"bank\" required>");
        body.Append("<option value=\"\">Maak een keuze</option>");
        foreach (var (code, name) in DutchBanks.All)
        {
            body.Append("<option value=\"").Append(code).Append("\">").Append(Encode(name)).Append("</option>");
        }

        body.Append("</select></p>");
        if (request.AmountInCents is null)
        {
            body.Append("<p><label for=\"amount\">Bedrag in euro</label><br>")
                .Append("<input id=\"amount\" name=\"amount\" inputmode=\"decimal\" required placeholder=\"12,50\" value=\"")
                .Append(Encode(amountText ?? "")).Append("\"></p>");
        }

        body.Append("<p><label for=\"payerName\">Naam rekeninghouder (optioneel)</label><br>")
            .Append("<input id=\"payerName\" name=\"payerName\" autocomplete=\"name\" value=\"").Append(Encode(payerName ?? "")).Append("\"></p>");
        body.Append("<p><button type=\"submit\">Betalen</button></p></form>");
        body.Append("<p class=\"uitleg\">Dit is de Tikkie-sandbox van Tijdig: er wordt geen echt geld afgeschreven.</p>");
        return Page("Betaalverzoek", body.ToString());
    }

    public static string Confirmation(StoredPaymentRequest request, long amountInCents, string bankName) => Page(
        "Betaling gelukt",
        "<h1>Betaling gelukt</h1>"
        + $"<p role=\"status\">Je hebt {Encode(Euro(amountInCents))} betaald via {Encode(bankName)} voor &quot;{Encode(request.Description)}&quot;. Bedankt!</p>"
        + "<p>Je kunt dit venster nu sluiten.</p>");

    public static string Message(string title, string text) => Page(
        title,
        $"<h1>{Encode(title)}</h1><p role=\"status\">{Encode(text)}</p>");

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{Encode(title)} - Tikkie-sandbox</title>"
        + "<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + ".fout{color:#a00000;font-weight:bold}button{font-size:1.1rem;padding:.5rem 1.5rem}"
        + "select,input{font-size:1rem;padding:.3rem}</style></head>"
        + $"<body><main>{body}</main></body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
