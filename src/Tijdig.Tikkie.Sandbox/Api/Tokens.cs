using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tijdig.Tikkie.Sandbox.Api;

// Token shapes follow the published examples: payment request and refund tokens are 22 base62
// characters; payment tokens, subscription ids and app tokens are uuids.
internal static partial class Tokens
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewShortToken() => RandomNumberGenerator.GetString(Base62, 22);

    public static string NewUuid() => Guid.NewGuid().ToString();

    public static bool IsShortToken(string value) => ShortTokenRegex().IsMatch(value);

    public static bool IsUuid(string? value) => Guid.TryParseExact(value, "D", out _);

    [GeneratedRegex("^[A-Za-z0-9]{22}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortTokenRegex();
}
