namespace Tijdig.Letters;

/// <summary>The layout of printed letters; bound from the "Letters" section. Lengths are in millimetres.</summary>
public sealed class LetterSettings
{
    /// <summary>The sender block at the top right: name, address, phone, e-mail, KvK, one line each.</summary>
    public List<string> SenderLines { get; set; } = [];

    /// <summary>A PNG or JPEG printed at the top left; empty for none.</summary>
    public string? LogoPath { get; set; }

    public double LogoWidthMm { get; set; } = 40;

    /// <summary>A folder with the TrueType fonts; empty searches the usual system folders for DejaVu Sans, Liberation Sans or Arial.</summary>
    public string? FontDirectory { get; set; }

    /// <summary>
    /// The address block's top-left corner. The defaults put it in the window of a Dutch window envelope
    /// (EA5/6 with the window on the left) for an A4 letter folded in three.
    /// </summary>
    // NOTE: 20 mm from the left and 50 mm from the top is an estimate from common envelope sizes.
    // Check it against the envelopes of the print-and-mail service before the first mailing.
    public double AddressLeftMm { get; set; } = 20;

    public double AddressTopMm { get; set; } = 50;

    public double AddressWidthMm { get; set; } = 85;
}
