namespace Tijdig.Messaging;

/// <summary>Checks on the client reference, the idempotency key that names one outgoing message.</summary>
public static class ClientReferences
{
    /// <summary>Maximum length of a client reference.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// Returns null when <paramref name="clientReference"/> is usable as a file name and a Message-ID
    /// local part, otherwise the reason it is invalid. Allowed: ASCII letters, digits, '-', '_' and '.',
    /// not starting with '.', at most <see cref="MaxLength"/> characters.
    /// </summary>
    public static string? Validate(string? clientReference)
    {
        if (string.IsNullOrEmpty(clientReference))
        {
            return "The client reference is missing.";
        }

        if (clientReference.Length > MaxLength)
        {
            return $"The client reference is longer than {MaxLength} characters.";
        }

        if (clientReference[0] == '.')
        {
            return "The client reference must not start with '.'.";
        }

        foreach (char c in clientReference)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return "The client reference contains a character other than A-Z, a-z, 0-9, '-', '_' or '.'.";
            }
        }

        return null;
    }
}
