using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tijdig.Domain;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Letters;

namespace Tijdig.Dunning.Law;

/// <summary>Who the statement is from and about: the creditor's name and letterhead, and the debtor's name and address.</summary>
public sealed record BalanceStatementParties(string OrganisationName, IReadOnlyList<string> SenderLines, string DebtorName, IReadOnlyList<string> DebtorAddress);

/// <summary>
/// Renders a balance statement as a Dutch A4 PDF on the letters' letterhead: the debtor, the date,
/// one row per open invoice with its dates of origin, principal and statutory interest, then the
/// collection costs and the totals. Rows that do not fit continue on a new page under a repeated header.
/// </summary>
public static class BalanceStatementPdf
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    // Left edges of the text columns and right edges of the amount columns, in millimetres.
    private const double InvoiceMm = 20;
    private const double IssueDateMm = 58;
    private const double DueDateMm = 88;
    private const double PrincipalRightMm = 143;
    private const double InterestRightMm = 168;
    private const double TotalRightMm = 190;

    public static byte[] Render(BalanceStatement statement, BalanceStatementParties parties, LetterSettings settings)
    {
        LetterFonts.Install(settings.FontDirectory);

        using var document = new PdfDocument();
        document.Info.Title = "Saldo-opgave " + statement.DebtorNumber;
        var fonts = new Fonts(
            new XFont(LetterFonts.Family, 10, XFontStyleEx.Regular),
            new XFont(LetterFonts.Family, 10, XFontStyleEx.Bold),
            new XFont(LetterFonts.Family, 8.5, XFontStyleEx.Regular),
            new XFont(LetterFonts.Family, 14, XFontStyleEx.Bold));

        var page = LetterPdf.NewPage(document);
        var graphics = XGraphics.FromPdfPage(page);
        var y = DrawHeading(graphics, statement, parties, settings, fonts);

        y = DrawTableHeader(graphics, fonts, y);
        foreach (var line in statement.Lines)
        {
            if (y + LetterPdf.LineHeight(fonts.Regular) > LetterPdf.Mm(LetterPdf.BottomMm))
            {
                graphics.Dispose();
                page = LetterPdf.NewPage(document);
                graphics = XGraphics.FromPdfPage(page);
                y = DrawTableHeader(graphics, fonts, LetterPdf.Mm(LetterPdf.MarginMm));
            }

            y = DrawRow(graphics, fonts.Regular, y, line);
        }

        // The totals and the closing text stay together, so they move to a new page when they do not fit.
        var closing = ClosingText(statement, parties);
        var closingHeight = LetterPdf.LineHeight(fonts.Regular) * (7 + (closing.Count * 2));
        if (y + closingHeight > LetterPdf.Mm(LetterPdf.BottomMm))
        {
            graphics.Dispose();
            page = LetterPdf.NewPage(document);
            graphics = XGraphics.FromPdfPage(page);
            y = LetterPdf.Mm(LetterPdf.MarginMm);
        }

        y = DrawTotals(graphics, fonts, y, statement);
        var width = page.Width.Point - LetterPdf.Mm(2 * LetterPdf.MarginMm);
        foreach (var text in LetterPdf.Wrap(graphics, string.Join("\n\n", closing), fonts.Regular, width))
        {
            graphics.DrawString(text, fonts.Regular, XBrushes.Black, LetterPdf.Mm(LetterPdf.MarginMm), y, XStringFormats.TopLeft);
            y += LetterPdf.LineHeight(fonts.Regular);
        }

        graphics.Dispose();
        return LetterPdf.Save(document);
    }

    /// <summary>Formats a date of origin or due date as the statement prints it, such as 15-12-2025.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static double DrawHeading(XGraphics graphics, BalanceStatement statement, BalanceStatementParties parties, LetterSettings settings, Fonts fonts)
    {
        // The letterhead shows the organisation's name above its address lines, without repeating a name already there.
        var sender = new List<string> { parties.OrganisationName };
        sender.AddRange(parties.SenderLines.Where(l => !string.Equals(l.Trim(), parties.OrganisationName, StringComparison.OrdinalIgnoreCase)));
        var letterhead = new LetterSettings { SenderLines = sender, LogoPath = settings.LogoPath, LogoWidthMm = settings.LogoWidthMm, FontDirectory = settings.FontDirectory };
        LetterPdf.DrawLetterhead(graphics, letterhead, fonts.Small);

        var left = LetterPdf.Mm(LetterPdf.MarginMm);
        var y = LetterPdf.Mm(55);
        graphics.DrawString("Saldo-opgave", fonts.Title, XBrushes.Black, left, y, XStringFormats.TopLeft);
        y += LetterPdf.LineHeight(fonts.Title) * 1.5;

        string[] labels = ["Schuldeiser", "Debiteur", "Debiteurnummer", "Adres", "Datum opgave"];
        string[] values =
        [
            parties.OrganisationName,
            parties.DebtorName,
            statement.DebtorNumber,
            parties.DebtorAddress.Count == 0 ? "onbekend" : string.Join(", ", parties.DebtorAddress),
            statement.RequestedOn.ToString("d MMMM yyyy", Dutch),
        ];
        for (var i = 0; i < labels.Length; i++)
        {
            graphics.DrawString(labels[i] + ":", fonts.Regular, XBrushes.Black, left, y, XStringFormats.TopLeft);
            graphics.DrawString(values[i], fonts.Regular, XBrushes.Black, LetterPdf.Mm(55), y, XStringFormats.TopLeft);
            y += LetterPdf.LineHeight(fonts.Regular);
        }

        y += LetterPdf.LineHeight(fonts.Regular);
        graphics.DrawString("Opgesteld voor de schuldenaanpak van de herstelregeling toeslagenaffaire.", fonts.Bold, XBrushes.Black, left, y, XStringFormats.TopLeft);
        return y + (LetterPdf.LineHeight(fonts.Bold) * 2);
    }

    private static double DrawTableHeader(XGraphics graphics, Fonts fonts, double y)
    {
        DrawText(graphics, fonts.Bold, "Factuurnummer", InvoiceMm, y);
        DrawText(graphics, fonts.Bold, "Factuurdatum", IssueDateMm, y);
        DrawText(graphics, fonts.Bold, "Vervaldatum", DueDateMm, y);
        DrawAmount(graphics, fonts.Bold, "Hoofdsom", PrincipalRightMm, y);
        DrawAmount(graphics, fonts.Bold, "Rente", InterestRightMm, y);
        DrawAmount(graphics, fonts.Bold, "Totaal", TotalRightMm, y);
        y += LetterPdf.LineHeight(fonts.Bold);
        graphics.DrawLine(XPens.Black, LetterPdf.Mm(InvoiceMm), y, LetterPdf.Mm(TotalRightMm), y);
        return y + 3;
    }

    private static double DrawRow(XGraphics graphics, XFont font, double y, BalanceLine line)
    {
        DrawText(graphics, font, line.InvoiceNumber, InvoiceMm, y);
        DrawText(graphics, font, FormatDate(line.IssueDate), IssueDateMm, y);
        DrawText(graphics, font, FormatDate(line.DueDate), DueDateMm, y);
        DrawAmount(graphics, font, Money.Format(line.PrincipalCents), PrincipalRightMm, y);
        DrawAmount(graphics, font, Money.Format(line.InterestCents), InterestRightMm, y);
        DrawAmount(graphics, font, Money.Format(line.PrincipalCents + line.InterestCents), TotalRightMm, y);
        return y + LetterPdf.LineHeight(font);
    }

    private static double DrawTotals(XGraphics graphics, Fonts fonts, double y, BalanceStatement statement)
    {
        graphics.DrawLine(XPens.Black, LetterPdf.Mm(InvoiceMm), y, LetterPdf.Mm(TotalRightMm), y);
        y += 3;
        DrawText(graphics, fonts.Bold, "Subtotaal facturen", InvoiceMm, y);
        DrawAmount(graphics, fonts.Bold, Money.Format(statement.PrincipalCents), PrincipalRightMm, y);
        DrawAmount(graphics, fonts.Bold, Money.Format(statement.InterestCents), InterestRightMm, y);
        DrawAmount(graphics, fonts.Bold, Money.Format(statement.PrincipalCents + statement.InterestCents), TotalRightMm, y);
        y += LetterPdf.LineHeight(fonts.Bold) * 2;

        (string Label, long Cents, XFont Font)[] sums =
        [
            ("Hoofdsom", statement.PrincipalCents, fonts.Regular),
            ("Wettelijke rente", statement.InterestCents, fonts.Regular),
            ("Incassokosten in rekening gebracht", statement.CollectionCostsCents, fonts.Regular),
            ("Totaal openstaand", statement.TotalCents, fonts.Bold),
        ];
        foreach (var (label, cents, font) in sums)
        {
            DrawText(graphics, font, label, IssueDateMm, y);
            DrawAmount(graphics, font, Money.Format(cents), TotalRightMm, y);
            y += LetterPdf.LineHeight(font);
        }

        return y + LetterPdf.LineHeight(fonts.Regular);
    }

    private static List<string> ClosingText(BalanceStatement statement, BalanceStatementParties parties)
    {
        var date = statement.RequestedOn.ToString("d MMMM yyyy", Dutch);
        var contact = parties.SenderLines.Count > 0
            ? $"Vragen over deze opgave? Neem contact op met {parties.OrganisationName} via de gegevens bovenaan deze opgave en vermeld debiteurnummer {statement.DebtorNumber}."
            : $"Vragen over deze opgave? Neem contact op met {parties.OrganisationName} en vermeld debiteurnummer {statement.DebtorNumber}.";
        return
        [
            $"De wettelijke rente (artikel 6:119 BW) is per factuur berekend vanaf de dag na de vervaldatum tot {date}. "
                + "Incassokosten staan alleen op deze opgave als ze in rekening zijn gebracht.",
            contact,
        ];
    }

    private static void DrawText(XGraphics graphics, XFont font, string text, double leftMm, double y) =>
        graphics.DrawString(text, font, XBrushes.Black, LetterPdf.Mm(leftMm), y, XStringFormats.TopLeft);

    private static void DrawAmount(XGraphics graphics, XFont font, string text, double rightMm, double y) =>
        graphics.DrawString(text, font, XBrushes.Black, LetterPdf.Mm(rightMm) - graphics.MeasureString(text, font).Width, y, XStringFormats.TopLeft);

    private sealed record Fonts(XFont Regular, XFont Bold, XFont Small, XFont Title);
}
