using System.Text.RegularExpressions;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Sepa.Reading.Mt940;

/// <summary>
/// The :86: information of one MT940 entry. Dutch banks write it either as slash tags
/// ("/EREF/…/IBAN/…/NAME/…/REMI/…") or as free text; both are reduced to the same fields.
/// </summary>
internal sealed partial record Mt940Details(
    string Text,
    string? EndToEndId,
    string? MandateId,
    string? ReturnCode,
    string? Iban,
    string? Name,
    string? Remittance,
    string? StructuredReference)
{
    [GeneratedRegex("/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|RTRN|PREF|ORDP|BENM|ADDR|CNTP|ISDT|RTYP|ULTC|ULTD|ULTB|PURP|SVCL|OCMT|CHGS|EXCH|BUSP|ID)/", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\b([A-Z]{2}[0-9]{2}[A-Z0-9]{10,30})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"NAAM:\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex KnabNamePattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    /// <summary>Parses the raw :86: text, whose lines are separated by '\n'.</summary>
    public static Mt940Details Parse(string raw, string? supplementaryName)
    {
        var trimmed = raw.TrimStart();
        var firstTag = TagPattern().Match(trimmed);
        if (firstTag.Success && firstTag.Index == 0)
        {
            // Tagged text is wrapped at a fixed width, in the middle of words, so lines are joined without a space.
            return ParseTagged(trimmed.Replace("\n", "", StringComparison.Ordinal));
        }

        var text = Whitespace().Replace(raw, " ").Trim();
        var iban = IbanPattern().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(Identifiers.Iban.HasIbanShape);
        var knabName = KnabNamePattern().Match(text);
        var name = knabName.Success ? knabName.Groups[1].Value.Trim() : supplementaryName;
        return new Mt940Details(text, null, null, ReturnTag.FindReasonCode(text), iban, name, text, null);
    }

    private static Mt940Details ParseTagged(string text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var matches = TagPattern().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var value = text[start..end].Trim().TrimEnd('/').Trim();
            tags.TryAdd(matches[i].Groups[1].Value, value);
        }

        var (iban, name) = Counterparty(tags);
        var (remittance, structured) = SplitRemittance(tags.GetValueOrDefault("REMI"));
        var endToEnd = Empty(tags.GetValueOrDefault("EREF"));
        var returnCode = Empty(tags.GetValueOrDefault("RTRN"));
        return new Mt940Details(
            text.Trim(),
            endToEnd == "NOTPROVIDED" ? null : endToEnd,
            Empty(tags.GetValueOrDefault("MARF")),
            returnCode is null ? null : returnCode.Split('/')[0],
            iban,
            name,
            remittance,
            structured);
    }

    /// <summary>IBAN and name from /IBAN/ and /NAME/, or from ABN AMRO's /CNTP/iban/bic/name/city/.</summary>
    private static (string? Iban, string? Name) Counterparty(Dictionary<string, string> tags)
    {
        var iban = Empty(tags.GetValueOrDefault("IBAN"));
        var name = Empty(tags.GetValueOrDefault("NAME"));
        if (tags.TryGetValue("CNTP", out var counterparty))
        {
            var parts = counterparty.Split('/');
            iban ??= parts.Length > 0 ? Empty(parts[0]) : null;
            name ??= parts.Length > 2 ? Empty(parts[2]) : null;
        }

        return (iban, name);
    }

    /// <summary>
    /// Splits /REMI/: "USTD//text" is unstructured, "STRD/CUR/1234…" carries a betalingskenmerk,
    /// anything else is taken as unstructured text.
    /// </summary>
    private static (string? Unstructured, string? Structured) SplitRemittance(string? remittance)
    {
        if (remittance is null)
        {
            return (null, null);
        }

        if (remittance.StartsWith("USTD", StringComparison.Ordinal))
        {
            return (Empty(remittance[4..].TrimStart('/')), null);
        }

        if (remittance.StartsWith("STRD", StringComparison.Ordinal))
        {
            var parts = remittance.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var reference = parts.Length > 2 ? parts[2] : parts.LastOrDefault();
            return (null, Empty(reference));
        }

        return (Empty(remittance), null);
    }

    private static string? Empty(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
