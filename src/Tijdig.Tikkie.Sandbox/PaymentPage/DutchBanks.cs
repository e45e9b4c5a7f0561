using System.Globalization;
using System.Numerics;

namespace Tijdig.Tikkie.Sandbox.PaymentPage;

// Banks offered on the imitation iDEAL page. Each gets a fixed test IBAN with valid check digits,
// so code that validates IBANs accepts the sandbox payments.
internal static class DutchBanks
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("ABNA", "ABN AMRO"),
        ("ASNB", "ASN Bank"),
        ("BUNQ", "bunq"),
        ("INGB", "ING"),
        ("KNAB", "Knab"),
        ("RABO", "Rabobank"),
        ("SNSB", "SNS"),
        ("TRIO", "Triodos Bank"),
    ];

    public static string? NameOf(string code) => All.FirstOrDefault(bank => bank.Code == code).Name;

    public static string TestIban(string bankCode)
    {
        const string Account = "0123456789";
        var rearranged = bankCode + Account + "NL00";
        var digits = string.Concat(rearranged.Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
        var check = 98 - (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
        return "NL" + check.ToString("D2", CultureInfo.InvariantCulture) + bankCode + Account;
    }
}
