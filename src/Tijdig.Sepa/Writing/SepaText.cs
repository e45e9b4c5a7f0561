using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tijdig.Sepa.Writing;

/// <summary>
/// The EPC "Latin" character set that Dutch banks enforce in pain.008: a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
/// </summary>
public static class SepaText
{
    /// <summary>Maximum length of names under the EPC rules (ISO allows 140).</summary>
    public const int MaxNameLength = 70;

    /// <summary>Maximum length of MsgId, PmtInfId, EndToEndId and MndtId.</summary>
    public const int MaxIdentifierLength = 35;

    private static readonly Dictionary<char, string> Replacements = new()
    {
        ['ß'] = "ss", ['Æ'] = "AE", ['æ'] = "ae", ['Ø'] = "O", ['ø'] = "o", ['Œ'] = "OE", ['œ'] = "oe",
        ['Ł'] = "L", ['ł'] = "l", ['Đ'] = "D", ['đ'] = "d", ['Þ'] = "TH", ['þ'] = "th", ['ð'] = "d",
        ['&'] = "+", ['’'] = "'", ['‘'] = "'", ['–'] = "-", ['—'] = "-", ['_'] = "-", ['"'] = "'",
    };

    /// <summary>
    /// Base letters of the accented Latin letters whose canonical decomposition (Unicode form D) is
    /// that letter plus combining marks, so dropping the marks gives the same result as decomposing.
    /// A lookup instead of <see cref="string.Normalize(NormalizationForm)"/> is much faster, and it
    /// also works where ICU is missing (invariant globalization), which would not decompose at all.
    /// </summary>
    private static readonly FrozenDictionary<char, char> BaseLetters = BuildBaseLetters(
        ("ÀÁÂÃÄÅĀĂĄǍ", 'A'), ("àáâãäåāăąǎ", 'a'), ("ÇĆĈĊČ", 'C'), ("çćĉċč", 'c'), ("Ď", 'D'), ("ď", 'd'),
        ("ÈÉÊËĒĔĖĘĚ", 'E'), ("èéêëēĕėęě", 'e'), ("ĜĞĠĢ", 'G'), ("ĝğġģ", 'g'), ("Ĥ", 'H'), ("ĥ", 'h'),
        ("ÌÍÎÏĨĪĬĮİǏ", 'I'), ("ìíîïĩīĭįǐ", 'i'), ("Ĵ", 'J'), ("ĵ", 'j'), ("Ķ", 'K'), ("ķ", 'k'),
        ("ĹĻĽ", 'L'), ("ĺļľ", 'l'), ("ÑŃŅŇ", 'N'), ("ñńņň", 'n'), ("ÒÓÔÕÖŌŎŐǑ", 'O'), ("òóôõöōŏőǒ", 'o'),
        ("ŔŖŘ", 'R'), ("ŕŗř", 'r'), ("ŚŜŞŠȘ", 'S'), ("śŝşšș", 's'), ("ŢŤȚ", 'T'), ("ţťț", 't'),
        ("ÙÚÛÜŨŪŬŮŰŲǓ", 'U'), ("ùúûüũūŭůűųǔ", 'u'), ("Ŵ", 'W'), ("ŵ", 'w'), ("ÝŶŸ", 'Y'), ("ýÿŷ", 'y'),
        ("ŹŻŽ", 'Z'), ("źżž", 'z'));

    /// <summary>The Latin set as search values, so that whole names and ids are checked with vector instructions.</summary>
    private static readonly SearchValues<char> Allowed = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ");

    public static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '?' or ':' or '(' or ')' or '.' or ',' or '\'' or '+' or ' ';

    /// <summary>
    /// Transliterates free text (names, remittance) to the Latin set: accents are dropped (Zoë → Zoe),
    /// ß → ss, other characters outside the set become a space; runs of spaces collapse and the
    /// result is cut to <paramref name="maxLength"/>.
    /// </summary>
    public static string Transliterate(string value, int maxLength)
    {
        // Most names are already plain ASCII of the Latin set; they only need the length cut.
        if (IsPlain(value))
        {
            return value.Length <= maxLength ? value : value[..maxLength].TrimEnd();
        }

        if (TransliterateByTable(value, maxLength) is { } quick)
        {
            return quick;
        }

        // One pass over the decomposed text that drops accents, replaces what is outside the set and
        // collapses runs of spaces as it goes, with a builder kept per thread: this path runs for
        // every accented name in a batch.
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = Builder ??= new StringBuilder(256);
        builder.Clear();
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Replacements.TryGetValue(c, out var mapped))
            {
                foreach (var m in mapped)
                {
                    AppendCollapsed(builder, m, ref pendingSpace);
                }
            }
            else
            {
                AppendCollapsed(builder, IsAllowed(c) ? c : ' ', ref pendingSpace);
            }
        }

        return builder.Length <= maxLength ? builder.ToString() : builder.ToString(0, maxLength).TrimEnd();
    }

    [ThreadStatic]
    private static StringBuilder? Builder;

    /// <summary>
    /// Transliterates text whose characters are all ASCII, accented letters of <see cref="BaseLetters"/>
    /// or <see cref="Replacements"/>, giving the same result as the decomposing path. Returns null
    /// for any other character, which then takes that path.
    /// </summary>
    private static string? TransliterateByTable(string value, int maxLength)
    {
        var builder = Builder ??= new StringBuilder(256);
        builder.Clear();
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsAllowed(c))
            {
                AppendCollapsed(builder, c, ref pendingSpace);
            }
            else if (BaseLetters.TryGetValue(c, out var letter))
            {
                AppendCollapsed(builder, letter, ref pendingSpace);
            }
            else if (Replacements.TryGetValue(c, out var mapped))
            {
                foreach (var m in mapped)
                {
                    AppendCollapsed(builder, m, ref pendingSpace);
                }
            }
            else if (c < 128)
            {
                AppendCollapsed(builder, ' ', ref pendingSpace);
            }
            else
            {
                return null;
            }
        }

        return builder.Length <= maxLength ? builder.ToString() : builder.ToString(0, maxLength).TrimEnd();
    }

    private static FrozenDictionary<char, char> BuildBaseLetters(params (string Accented, char Letter)[] groups)
    {
        var letters = new Dictionary<char, char>();
        foreach (var (accented, letter) in groups)
        {
            foreach (var c in accented)
            {
                letters.Add(c, letter);
            }
        }

        return letters.ToFrozenDictionary();
    }

    private static void AppendCollapsed(StringBuilder builder, char c, ref bool pendingSpace)
    {
        if (c == ' ')
        {
            pendingSpace = builder.Length > 0;
            return;
        }

        if (pendingSpace)
        {
            builder.Append(' ');
            pendingSpace = false;
        }

        builder.Append(c);
    }

    private static bool IsPlain(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }

        return !value.AsSpan().ContainsAnyExcept(Allowed) && !value.Contains("  ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Checks a reference field (MsgId, PmtInfId, EndToEndId, MndtId): 1 to 35 characters of the Latin set,
    /// no '/' at the start or end and no "//". Returns the problem, or null when valid.
    /// </summary>
    public static string? CheckIdentifier(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty";
        }

        if (value.Length > MaxIdentifierLength)
        {
            return $"has {value.Length} characters, more than {MaxIdentifierLength}";
        }

        var outside = value.AsSpan().IndexOfAnyExcept(Allowed);
        if (outside >= 0)
        {
            return $"contains '{value[outside]}', which is outside the SEPA character set";
        }

        if (value.StartsWith('/') || value.EndsWith('/') || value.Contains("//", StringComparison.Ordinal))
        {
            return "starts or ends with '/' or contains '//'";
        }

        return value.Trim().Length != value.Length ? "starts or ends with a space" : null;
    }
}
