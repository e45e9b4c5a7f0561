using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Letters;

/// <summary>The outcome of a letter export; the paths are null when there was nothing to export.</summary>
/// <param name="DatedEarlier">Letters in the batch whose sending date is before the export date.</param>
public sealed record LetterBatch(int Count, string? PdfPath, string? ManifestPath, int DatedEarlier = 0);

/// <summary>
/// Exports the letters not yet printed as one PDF for a print-and-mail service, with a CSV manifest
/// (letter id, debtor id, step, sending date, SHA-256 of the single letter), and marks them exported.
/// </summary>
public sealed class ExportLetters(TijdigDbContext db, DataDirectory dataDirectory, BusinessCalendar calendar)
{
    /// <summary>
    /// Exports the letters with a sending date on or before <paramref name="date"/> that are in no batch
    /// yet, into <paramref name="outputDirectory"/> (default: the data directory's <c>exports</c> folder).
    /// Letters dated later wait for the export of their own date.
    /// </summary>
    public async Task<LetterBatch> RunAsync(DateOnly date, string? outputDirectory, CancellationToken ct)
    {
        var letters = await db.Letters
            .Where(l => l.ExportedAt == null && l.SendingDate <= date)
            .OrderBy(l => l.Id)
            .ToListAsync(ct);
        if (letters.Count == 0)
        {
            return new LetterBatch(0, null, null);
        }

        var now = calendar.Now;
        var folder = string.IsNullOrWhiteSpace(outputDirectory) ? dataDirectory.ExportsPath : Path.GetFullPath(outputDirectory);
        var name = string.Create(CultureInfo.InvariantCulture, $"letters-{date:yyyy-MM-dd}-{now:HHmmss}");
        Directory.CreateDirectory(folder);
        var pdfPath = Path.Combine(folder, name + ".pdf");
        var manifestPath = Path.Combine(folder, name + ".csv");

        using (var batch = new PdfDocument())
        {
            foreach (var letter in letters)
            {
                using var single = PdfReader.Open(Path.Combine(dataDirectory.Path, letter.FilePath), PdfDocumentOpenMode.Import);
                foreach (var page in single.Pages)
                {
                    batch.AddPage(page);
                }
            }

            batch.Save(pdfPath);
        }

        var manifest = new StringBuilder("letter_id,debtor_id,step,sending_date,pages_file,sha256\n");
        foreach (var letter in letters)
        {
            manifest.Append(CultureInfo.InvariantCulture, $"{letter.Id},{letter.DebtorId},{letter.Step},{letter.SendingDate:yyyy-MM-dd},{letter.FilePath},{letter.Sha256}\n");
            letter.ExportedAt = now;
        }

        await File.WriteAllTextAsync(manifestPath, manifest.ToString(), ct);
        await db.SaveChangesAsync(ct);
        return new LetterBatch(letters.Count, pdfPath, manifestPath, letters.Count(l => l.SendingDate < date));
    }
}
