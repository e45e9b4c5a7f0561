namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>
/// Marker type for the texts of the policy pages in PolicyTexts.resx (Dutch, the neutral language)
/// and PolicyTexts.en.resx (English).
/// </summary>
public sealed class PolicyTexts;
