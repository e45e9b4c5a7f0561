using Lib = global::PhoneNumbers;

namespace Tijdig.Messaging.Sms;

/// <summary>Why a phone number cannot receive an SMS.</summary>
public enum PhoneNumberError
{
    Missing,
    Unreadable,
    Invalid,
    NotMobile,
    MachineToMachine,
}

/// <summary>
/// A normalised mobile number in E.164 notation, or the error with a message for the parent or the
/// credit team in Dutch (<see cref="Message"/>) and English (<see cref="MessageEnglish"/>).
/// </summary>
public sealed record PhoneNumberResult(string? E164, PhoneNumberError? Error, string? Message, string? MessageEnglish)
{
    public bool IsValid => E164 is not null;

    internal static PhoneNumberResult Valid(string e164) => new(e164, null, null, null);

    internal static PhoneNumberResult Invalid(PhoneNumberError error) =>
        new(null, error, PhoneNumberMessages.Dutch(error), PhoneNumberMessages.English(error));
}

/// <summary>Normalises phone numbers for SMS with libphonenumber-csharp.</summary>
public static class PhoneNumbers
{
    private static readonly Lib.PhoneNumberUtil Util = Lib.PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises a Dutch mobile number written nationally (<c>06 12345678</c>, <c>06-1234 5678</c>) or
    /// internationally (<c>+31 6 12345678</c>, <c>0031612345678</c>) to E.164 (<c>+31612345678</c>).
    /// A foreign number is accepted when it is written with its country code and is a mobile number.
    /// Rejected: landlines, pagers (066), and Dutch 097 machine-to-machine numbers, which are typed
    /// as mobile but do not belong to a person.
    /// </summary>
    public static PhoneNumberResult NormalizeDutchMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return PhoneNumberResult.Invalid(PhoneNumberError.Missing);
        }

        Lib.PhoneNumber number;
        try
        {
            number = Util.Parse(input, "NL");
        }
        catch (Lib.NumberParseException)
        {
            return PhoneNumberResult.Invalid(PhoneNumberError.Unreadable);
        }

        if (!Util.IsValidNumber(number))
        {
            return PhoneNumberResult.Invalid(PhoneNumberError.Invalid);
        }

        Lib.PhoneNumberType type = Util.GetNumberType(number);
        if (type is not (Lib.PhoneNumberType.MOBILE or Lib.PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return PhoneNumberResult.Invalid(PhoneNumberError.NotMobile);
        }

        // Dutch M2M numbers (097 + 8 digits) have an 11-digit national number; people's numbers have 9.
        if (number.CountryCode == 31 && number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture).Length != 9)
        {
            return PhoneNumberResult.Invalid(PhoneNumberError.MachineToMachine);
        }

        return PhoneNumberResult.Valid(Util.Format(number, Lib.PhoneNumberFormat.E164));
    }
}

/// <summary>The texts shown when a phone number is rejected, in one place so tests can assert on them.</summary>
public static class PhoneNumberMessages
{
    public static string Dutch(PhoneNumberError error) => error switch
    {
        PhoneNumberError.Missing => "Vul een mobiel nummer in.",
        PhoneNumberError.Unreadable => "Dit is geen telefoonnummer. Schrijf het zo: 06 12345678.",
        PhoneNumberError.Invalid => "Dit telefoonnummer bestaat niet. Controleer de cijfers, bijvoorbeeld 06 12345678.",
        PhoneNumberError.NotMobile => "Dit is geen mobiel nummer. Vul een nummer in dat met 06 begint, of een buitenlands mobiel nummer met landcode.",
        PhoneNumberError.MachineToMachine => "Dit nummer is voor apparaten, niet voor mensen. Vul een mobiel nummer in dat met 06 begint.",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    public static string English(PhoneNumberError error) => error switch
    {
        PhoneNumberError.Missing => "Enter a mobile number.",
        PhoneNumberError.Unreadable => "This is not a phone number. Write it like this: 06 12345678.",
        PhoneNumberError.Invalid => "This phone number does not exist. Check the digits, for example 06 12345678.",
        PhoneNumberError.NotMobile => "This is not a mobile number. Enter a number that starts with 06, or a foreign mobile number with its country code.",
        PhoneNumberError.MachineToMachine => "This number is for devices, not people. Enter a mobile number that starts with 06.",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
