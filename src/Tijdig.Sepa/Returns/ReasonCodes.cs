using System.Collections.Frozen;
using static Tijdig.Sepa.Returns.RTransactionTypes;

namespace Tijdig.Sepa.Returns;

/// <summary>
/// The reason codes of SEPA direct debit R-transactions that Dutch banks send (EPC173-14 guidance,
/// with Dutch texts from the Betaalvereniging table). The action is Tijdig's advice: only insufficient
/// funds and agent-generated unknown reasons are collected again.
/// </summary>
public static class ReasonCodes
{
    public static IReadOnlyList<ReasonCode> All { get; } =
    [
        new("AC01", "Rekeningnummer incorrect (IBAN onjuist of onbekend)", "Account identifier incorrect (invalid IBAN)", Reject | Return, ReturnAction.SwitchToManualPayment),
        new("AC04", "Rekening opgeheven", "Account closed", Reject | Return, ReturnAction.SwitchToManualPayment),
        new("AC06", "Rekeningnummer geblokkeerd voor incasso", "Account blocked for direct debit", Reject | Return, ReturnAction.SwitchToManualPayment),
        new("AC13", "Ongeldig rekeningtype (particuliere rekening bij zakelijke incasso)", "Invalid debtor account type (consumer account in B2B)", Reject | Return, ReturnAction.Human),
        new("AG01", "Incasso niet toegestaan op deze rekening (bijvoorbeeld een spaarrekening)", "Transaction forbidden on this account (for example a savings account)", Reject | Return, ReturnAction.SwitchToManualPayment),
        new("AG02", "Ongeldige transactiecode of onjuist volgnummertype (SeqTp)", "Invalid bank operation code or wrong sequence type", Reject, ReturnAction.Human),
        new("AM04", "Onvoldoende saldo", "Insufficient funds", Reject | Return, ReturnAction.Represent),
        new("AM05", "Dubbele indiening", "Duplicate collection", Reject | Return | Reversal, ReturnAction.Human),
        new("AM06", "Bedrag te laag", "Amount too low", Reject, ReturnAction.Human),
        new("AM07", "Bedrag geblokkeerd", "Amount blocked", Reject, ReturnAction.Human),
        new("BE05", "Incassant-ID onjuist", "Creditor identifier incorrect", Reject, ReturnAction.Human),
        new("CNOR", "Bank van de incassant niet bereikbaar", "Creditor bank not registered or not reachable", Reject, ReturnAction.Human),
        new("DNOR", "Bank van de debiteur niet bereikbaar voor incasso", "Debtor bank not registered or not reachable for direct debit", Reject, ReturnAction.SwitchToManualPayment),
        new("FF01", "Ongeldig bestandsformaat", "Invalid file format", Reject, ReturnAction.Human),
        new("FF05", "Incassotype (Core of B2B) onjuist", "Invalid local instrument (Core or B2B)", Reject, ReturnAction.Human),
        new("MD01", "Geen (geldige) machtiging", "No valid mandate, unauthorised collection", Reject | Return | Refund, ReturnAction.SwitchToManualPayment),
        new("MD02", "Machtigingsgegevens onvolledig of onjuist", "Mandate data missing or incorrect", Reject | Return, ReturnAction.Human),
        new("MD06", "Terugboeking op verzoek van de klant", "Refund requested by the debtor", Refund, ReturnAction.Human),
        new("MD07", "Debiteur overleden", "Debtor deceased", Reject | Return, ReturnAction.Human),
        new("MS02", "Weigering door de debiteur, reden niet opgegeven", "Reason not specified, debtor-generated (refusal)", Reject | Refusal | Return, ReturnAction.PaymentRequest),
        new("MS03", "Reden niet opgegeven door de bank", "Reason not specified, agent-generated", Reject | Return, ReturnAction.Represent),
        new("RC01", "BIC onjuist", "Bank identifier (BIC) incorrect", Reject, ReturnAction.Human),
        new("RR01", "Rekening of identificatie van de debiteur ontbreekt", "Missing debtor account or identification (regulatory)", Reject, ReturnAction.Human),
        new("RR02", "Naam of adres van de debiteur ontbreekt", "Missing debtor name or address (regulatory)", Reject, ReturnAction.Human),
        new("RR03", "Naam of adres van de incassant ontbreekt", "Missing creditor name or address (regulatory)", Reject, ReturnAction.Human),
        new("RR04", "Reden van regelgeving (bijvoorbeeld sancties)", "Regulatory reason (for example sanctions)", Reject | Return, ReturnAction.Human),
        new("SL01", "Specifieke dienst van de bank van de debiteur (incassoblokkade)", "Specific service offered by the debtor's bank (direct debit blocking)", Reject | Return, ReturnAction.SwitchToManualPayment),
        new("FOCR", "Terugboeking na annuleringsverzoek", "Return following a cancellation request", Return, ReturnAction.Human),
    ];

    private static readonly FrozenDictionary<string, ReasonCode> ByCode =
        All.ToFrozenDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The reason for a code (case-insensitive, surrounding spaces ignored), or null for an unknown code.</summary>
    public static ReasonCode? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var reason) ? reason : null;
}
