using Tijdig.Sepa;

namespace Tijdig.Banking;

/// <summary>
/// Dutch text for a bank file the library could not read: what is wrong, where (element path or
/// line) and with which value, and what to do next. The library's English text follows in brackets
/// for support.
/// </summary>
public static class BankFileErrorText
{
    private const string DownloadAgain = "Download het bestand opnieuw bij de bank en lees het opnieuw in.";

    private const string AskBank = "Vraag de bank om een gecorrigeerd bestand.";

    /// <summary>Formats the Dutch rejection message for <paramref name="fileName"/> because of <paramref name="error"/>.</summary>
    public static string Rejected(string fileName, SepaError? error)
    {
        var (reason, advice) = Explain(error);
        var where = error?.Location is { } location ? $" (bij {Dutch(location)})" : "";
        var english = error is null ? "" : $" (English: {error.ToString().TrimEnd('.')})";
        return $"Bankbestand {fileName} is niet ingelezen: {reason}{where}. {advice} Er is niets geboekt.{english}";
    }

    // The library uses one code for every invalid amount, so the value distinguishes the cases.
    private static string AmountReason(string? value)
    {
        if (value?.StartsWith('-') == true)
        {
            return $"negatief bedrag '{value}' (het teken hoort in CdtDbtInd)";
        }

        var separator = value?.LastIndexOfAny(['.', ',']) ?? -1;
        return separator >= 0 && value!.Length - separator - 1 > 2
            ? $"bedrag '{value}' heeft meer dan twee decimalen"
            : $"ongeldig bedrag '{value}'";
    }

    // The library writes MT940 locations as "line N" and XML ones with "(line N, position M)".
    private static string Dutch(string location) =>
        location.Replace("line ", "regel ", StringComparison.Ordinal).Replace("position ", "positie ", StringComparison.Ordinal);

    private static (string Reason, string Advice) Explain(SepaError? error)
    {
        var value = error?.Value;
        return error?.Code switch
        {
            SepaMessages.EmptyFileCode => ("het bestand is leeg", DownloadAgain),
            SepaMessages.NotXmlCode => ("het bestand is geen XML en geen MT940-afschrift", "Kies het camt.053-, camt.054-, camt.052-, pain.002- of MT940-bestand van de bank."),
            SepaMessages.MalformedXmlCode => ("het bestand is geen geldige XML", DownloadAgain),
            SepaMessages.TruncatedCode => ("het bestand houdt midden in de XML op en is waarschijnlijk afgebroken bij het downloaden of uploaden", DownloadAgain),
            SepaMessages.DtdProhibitedCode => ("het bestand bevat een documenttypedefinitie (<!DOCTYPE>), die in bankbestanden niet voorkomt, en is geweigerd om misbruik te voorkomen", "Lees het originele bestand van de bank in."),
            SepaMessages.EncodingCode => ("het bestand bevat tekens die niet in UTF-8 zijn opgeslagen", "Lees het bestand in zoals de bank het levert, zonder het eerst in een ander programma op te slaan."),
            SepaMessages.UnsupportedNamespaceCode => ($"berichtsoort '{value}' wordt niet ondersteund", "Vraag de bank om camt.052, camt.053 of camt.054 (versie 02, 04 of 08), pain.002 (versie 03 of 10) of MT940."),
            SepaMessages.OutgoingMessageCode => ($"dit is een incassobestand ({value}) dat je naar de bank stuurt, geen bestand van de bank", "Lees het antwoord van de bank in: camt.053, camt.054, camt.052, pain.002 of MT940."),
            SepaMessages.UnexpectedRootCode => ($"onverwacht element '{value}'", "Controleer of dit het juiste bestand van de bank is."),
            SepaMessages.MissingElementCode => ($"verplicht element '{value}' ontbreekt", value == ":62F:" ? DownloadAgain : AskBank),
            SepaMessages.InvalidAmountCode => (AmountReason(value), AskBank),
            SepaMessages.InvalidValueCode => ($"ongeldige waarde '{value}'", AskBank),
            _ => ("het bestand kan niet worden gelezen", "Controleer of dit het juiste bestand van de bank is."),
        };
    }
}
