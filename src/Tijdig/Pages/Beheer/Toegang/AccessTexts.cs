namespace Tijdig.Pages.Beheer.Toegang;

/// <summary>
/// Marker type for the texts of signing in and out in AccessTexts.resx (Dutch, the neutral language)
/// and AccessTexts.en.resx (English).
/// </summary>
public sealed class AccessTexts;
