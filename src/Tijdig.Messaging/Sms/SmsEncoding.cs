namespace Tijdig.Messaging.Sms;

/// <summary>The character encoding an SMS is sent in.</summary>
public enum SmsCharacterEncoding
{
    /// <summary>The GSM 03.38 7-bit default alphabet: 160 septets in one message, 153 per part.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units): 70 in one message, 67 per part.</summary>
    Ucs2,
}

/// <param name="Encoding">GSM-7 when every character is in the GSM 03.38 tables, otherwise UCS-2.</param>
/// <param name="Characters">
/// Septets for GSM-7, where an extension character such as € counts as 2, or UTF-16 code units for
/// UCS-2, where an emoji outside the Basic Multilingual Plane counts as 2.
/// </param>
/// <param name="Segments">The number of messages the operator bills; an empty text counts as 1.</param>
public sealed record SmsAnalysis(SmsCharacterEncoding Encoding, int Characters, int Segments);

/// <summary>Computes the encoding and part count of an SMS text (GSM 03.38 / 3GPP TS 23.038).</summary>
public static class SmsEncoding
{
    public const int Gsm7SingleLimit = 160;
    public const int Gsm7PartLimit = 153;
    public const int Ucs2SingleLimit = 70;
    public const int Ucs2PartLimit = 67;

    private const string BasicTable =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Each of these is sent as ESC plus a character, so it costs 2 septets.
    private const string ExtensionTable = "\f^{}\\[~]|€";

    private static readonly HashSet<char> Basic = [.. BasicTable];
    private static readonly HashSet<char> Extension = [.. ExtensionTable];

    /// <summary>Returns the encoding, the character count and the number of parts of <paramref name="text"/>.</summary>
    public static SmsAnalysis Analyse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return IsGsm7(text) ? AnalyseGsm7(text) : AnalyseUcs2(text);
    }

    /// <summary>Returns true when every character of <paramref name="text"/> is in the GSM-7 basic or extension table.</summary>
    public static bool IsGsm7(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        foreach (char c in text)
        {
            if (!Basic.Contains(c) && !Extension.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Replaces typographic punctuation that would force UCS-2 with its GSM-7 equivalent: smart quotes
    /// become straight quotes, en and em dashes a hyphen, the ellipsis three dots and a non-breaking
    /// space a space. Letters such as ë or ï are left alone because they are part of names.
    /// </summary>
    public static string ReplaceTypographicPunctuation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        return text
            .Replace('\u2018', '\'')
            .Replace('\u2019', '\'')
            .Replace('\u201C', '"')
            .Replace('\u201D', '"')
            .Replace('\u2013', '-')
            .Replace('\u2014', '-')
            .Replace('\u00A0', ' ')
            .Replace('\u202F', ' ')
            .Replace("\u2026", "...", StringComparison.Ordinal);
    }

    private static SmsAnalysis AnalyseGsm7(string text)
    {
        int septets = 0;
        foreach (char c in text)
        {
            septets += Extension.Contains(c) ? 2 : 1;
        }

        if (septets <= Gsm7SingleLimit)
        {
            return new SmsAnalysis(SmsCharacterEncoding.Gsm7, septets, 1);
        }

        // An escape pair is never split across parts, so a part can end one septet short.
        int segments = 1;
        int used = 0;
        foreach (char c in text)
        {
            int cost = Extension.Contains(c) ? 2 : 1;
            if (used + cost > Gsm7PartLimit)
            {
                segments++;
                used = 0;
            }

            used += cost;
        }

        return new SmsAnalysis(SmsCharacterEncoding.Gsm7, septets, segments);
    }

    private static SmsAnalysis AnalyseUcs2(string text)
    {
        if (text.Length <= Ucs2SingleLimit)
        {
            return new SmsAnalysis(SmsCharacterEncoding.Ucs2, text.Length, 1);
        }

        // A surrogate pair is never split across parts, so a part can end one code unit short.
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cost = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + cost > Ucs2PartLimit)
            {
                segments++;
                used = 0;
            }

            used += cost;
            i += cost - 1;
        }

        return new SmsAnalysis(SmsCharacterEncoding.Ucs2, text.Length, segments);
    }
}
