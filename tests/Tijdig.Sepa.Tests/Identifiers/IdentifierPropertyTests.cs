using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Sepa.Tests.Identifiers;

public class IdentifierPropertyTests
{
    private static char ChangeDigit(char c, int by) => (char)('0' + (c - '0' + by) % 10);

    /// <summary>Replaces one digit at <paramref name="position"/> (taken modulo the digit positions) with another digit.</summary>
    private static string ChangeOneDigit(string value, int position, int by, int from)
    {
        var digits = Enumerable.Range(from, value.Length - from).Where(i => char.IsAsciiDigit(value[i])).ToList();
        var index = digits[Math.Abs(position % digits.Count)];
        var chars = value.ToCharArray();
        chars[index] = ChangeDigit(chars[index], by);
        return new string(chars);
    }

    [Property]
    public Property Iban_CreatedIsValidAndOneChangedDigitFails(PositiveInt account, NonNegativeInt position, int change)
    {
        var by = Math.Abs(change % 9) + 1;
        var bban = "ABNA" + (account.Get % 10_000_000_000L).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        var iban = Iban.Create("NL", bban).Value;

        var changed = ChangeOneDigit(iban, position.Get, by, 2);

        return (Iban.IsValid(iban) && !Iban.IsValid(changed)).ToProperty();
    }

    [Property]
    public Property CreditorIdentifier_CreatedIsValidAndOneChangedDigitFails(PositiveInt kvk, NonNegativeInt position, int change)
    {
        var by = Math.Abs(change % 9) + 1;
        var national = (kvk.Get % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "0000";
        var ci = CreditorIdentifier.Create("NL", national).Value;

        var changed = ChangeOneDigit(ci, position.Get, by, 2);

        return (CreditorIdentifier.IsValid(ci) && !CreditorIdentifier.IsValid(changed)).ToProperty();
    }

    [Property]
    public Property PaymentReference_CreatedIsValidAndOneChangedDigitFails(NonNegativeInt number, NonNegativeInt position, int change)
    {
        var by = Math.Abs(change % 9) + 1;
        var reference = PaymentReference.Create(number.Get);

        var changed = ChangeOneDigit(reference, position.Get, by, 0);

        // Sums with remainder 1 and 10 both give check digit 1 (C = 10 is written as 1), so a changed digit
        // can go unnoticed only when the check digit is 1.
        var detectable = !PaymentReference.IsValid(changed) || reference[0] == '1';
        return (reference.Length == 16 && PaymentReference.IsValid(reference) && detectable).ToProperty();
    }

    [Property]
    public Property RfReference_CreatedIsValidAndOneChangedDigitFails(PositiveInt number, NonNegativeInt position, int change)
    {
        var by = Math.Abs(change % 9) + 1;
        var rf = RfReference.Create(number.Get.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

        var changed = ChangeOneDigit(rf, position.Get, by, 2);

        return (RfReference.IsValid(rf) && !RfReference.IsValid(changed)).ToProperty();
    }
}
