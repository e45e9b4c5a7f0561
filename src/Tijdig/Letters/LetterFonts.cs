using PdfSharp.Fonts;

namespace Tijdig.Letters;

/// <summary>
/// A PDFsharp font resolver for servers without Windows fonts: it maps every family to one TrueType
/// family found on disk (DejaVu Sans, Liberation Sans or Arial), regular and bold.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "TijdigLetter";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
    ];

    private static readonly string[] SystemFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", @"C:\Windows\Fonts"];

    private static readonly Lock Gate = new();
    private static bool installed;

    private readonly string regular;
    private readonly string bold;

    private LetterFonts(string regular, string bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>Sets the resolver once per process; PDFsharp's font settings are global.</summary>
    public static void Install(string? fontDirectory)
    {
        lock (Gate)
        {
            if (installed || GlobalFontSettings.FontResolver is not null)
            {
                installed = true;
                return;
            }

            var folders = string.IsNullOrWhiteSpace(fontDirectory) ? SystemFolders : [fontDirectory];
            foreach (var (regularName, boldName) in Candidates)
            {
                var regular = Find(folders, regularName);
                if (regular is null)
                {
                    continue;
                }

                GlobalFontSettings.FontResolver = new LetterFonts(regular, Find(folders, boldName) ?? regular);
                installed = true;
                return;
            }

            throw new InvalidOperationException(
                $"No TrueType font found for letters in {string.Join(", ", folders)}. Install DejaVu Sans or Liberation Sans, or set Letters:FontDirectory.");
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? bold : regular);

    private static string? Find(IEnumerable<string> folders, string fileName) =>
        folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, fileName, SearchOption.AllDirectories))
            .FirstOrDefault();
}
