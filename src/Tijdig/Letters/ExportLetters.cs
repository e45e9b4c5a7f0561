using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Letters;

public sealed record LetterBatch(int Count, string? PdfPath, string? ManifestPath);

/// <summary>
/// Exports the letters not yet printed as one PDF for a print-and-mail service, with a CSV manifest
/// (letter id, debtor id, step, sending date, SHA-256 of the single letter), and marks them exported.
/// </summary>
public sealed class ExportLetters(TijdigDbContext db, DataDirectory dataDirectory, BusinessCalendar calendar)
{
    public async Task<LetterBatch> RunAsync(CancellationToken ct)
    {
        var letters = await db.Letters.Where(l => l.ExportedAt == null).OrderBy(l => l.Id).ToListAsync(ct);
        if (letters.Count == 0)
        {
            return new LetterBatch(0, null, null);
        }

        var now = calendar.Now;
        var name = "letters-" + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dataDirectory.ExportsPath);
        var pdfPath = Path.Combine(dataDirectory.ExportsPath, name + ".pdf");
        var manifestPath = Path.Combine(dataDirectory.ExportsPath, name + ".csv");

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
        return new LetterBatch(letters.Count, pdfPath, manifestPath);
    }
}
