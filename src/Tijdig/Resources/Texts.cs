namespace Tijdig.Resources;

/// <summary>
/// Marker type for the web texts in Texts.resx (Dutch, the neutral language) and Texts.en.resx
/// (English). Pages read them through <c>IStringLocalizer&lt;Texts&gt;</c>.
/// </summary>
public sealed class Texts;
