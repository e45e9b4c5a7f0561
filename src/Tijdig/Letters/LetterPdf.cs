using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Tijdig.Letters;

/// <summary>The content of one letter: the address lines for the window, the date line, subject and text.</summary>
public sealed record LetterContent(IReadOnlyList<string> AddressLines, string DateLine, string Subject, string Text);

/// <summary>
/// Renders a letter as A4 PDF: logo top left, sender block top right, the address in the envelope
/// window, then date, subject and the text, wrapped and continued on further pages.
/// </summary>
public static class LetterPdf
{
    // Internal so that other A4 documents on the letterhead (the balance statement) share the layout.
    internal const double MarginMm = 20;
    internal const double BodyTopMm = 100;
    internal const double BottomMm = 277;

    public static byte[] Render(LetterContent content, LetterSettings settings)
    {
        LetterFonts.Install(settings.FontDirectory);

        using var document = new PdfDocument();
        document.Info.Title = content.Subject;
        var regular = new XFont(LetterFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(LetterFonts.Family, 8.5, XFontStyleEx.Regular);
        var bold = new XFont(LetterFonts.Family, 10, XFontStyleEx.Bold);

        var page = NewPage(document);
        var graphics = XGraphics.FromPdfPage(page);
        DrawLetterhead(graphics, settings, small);
        DrawLines(graphics, content.AddressLines, regular, settings.AddressLeftMm, settings.AddressTopMm);

        var y = Mm(BodyTopMm);
        graphics.DrawString(content.DateLine, regular, XBrushes.Black, Mm(MarginMm), y, XStringFormats.TopLeft);
        y += LineHeight(regular) * 2;
        graphics.DrawString(content.Subject, bold, XBrushes.Black, Mm(MarginMm), y, XStringFormats.TopLeft);
        y += LineHeight(bold) * 2;

        var width = page.Width.Point - Mm(2 * MarginMm);
        foreach (var line in Wrap(graphics, content.Text, regular, width))
        {
            if (y + LineHeight(regular) > Mm(BottomMm))
            {
                graphics.Dispose();
                page = NewPage(document);
                graphics = XGraphics.FromPdfPage(page);
                y = Mm(MarginMm);
            }

            graphics.DrawString(line, regular, XBrushes.Black, Mm(MarginMm), y, XStringFormats.TopLeft);
            y += LineHeight(regular);
        }

        graphics.Dispose();
        return Save(document);
    }

    internal static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    internal static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return page;
    }

    internal static void DrawLetterhead(XGraphics graphics, LetterSettings settings, XFont font)
    {
        if (!string.IsNullOrWhiteSpace(settings.LogoPath) && File.Exists(settings.LogoPath))
        {
            using var logo = XImage.FromFile(settings.LogoPath);
            var width = Mm(settings.LogoWidthMm);
            var height = width * logo.PixelHeight / Math.Max(1, logo.PixelWidth);
            graphics.DrawImage(logo, Mm(MarginMm), Mm(15), width, height);
        }

        DrawLines(graphics, settings.SenderLines, font, 130, 15);
    }

    internal static void DrawLines(XGraphics graphics, IEnumerable<string> lines, XFont font, double leftMm, double topMm)
    {
        var y = Mm(topMm);
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, Mm(leftMm), y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }
    }

    // Paragraph breaks stay; long lines are wrapped at spaces to the text width.
    internal static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }

    internal static double LineHeight(XFont font) => font.Size * 1.35;

    internal static double Mm(double millimetres) => millimetres * 72 / 25.4;
}
