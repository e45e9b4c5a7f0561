using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Hosting;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Banking;

/// <summary>
/// Imports a pain.002, camt.052/053/054 or MT940 file in one transaction: records returned and
/// rejected direct debits with their reason, settles collections, and books incoming transfers on
/// invoices. Idempotent twice over: a file with the same bytes is refused as already imported, and
/// an entry seen in an earlier, overlapping file is skipped by its entry key.
/// </summary>
public sealed class ImportBankFile(
    TijdigDbContext db,
    BankEntryProcessor processor,
    BusinessCalendar calendar,
    ILogger<ImportBankFile> logger)
{
    public async Task<BankImportReport> RunAsync(string fileName, Stream content, bool dryRun, CancellationToken ct)
    {
        var (input, sha256) = await HashAsync(content, ct);
        await using var ownedInput = ReferenceEquals(input, content) ? null : input;
        var report = new BankImportReport { FileName = Path.GetFileName(fileName), DryRun = dryRun };

        var previous = await db.BankImports.AsNoTracking().FirstOrDefaultAsync(i => i.Sha256 == sha256, ct);
        if (previous is not null)
        {
            report.AlreadyImported = true;
            report.PreviouslyImportedAt = previous.ImportedAt;
            report.Kind = previous.MessageKind;
            report.MessageId = previous.MessageId;
            report.Entries = previous.EntryCount;
            report.KnownEntries = previous.EntryCount;
            return report;
        }

        var read = BankFileReader.Read(input);
        if (!read.Success)
        {
            throw new BankImportException($"Bankbestand {report.FileName} is niet ingelezen: {read.Error}. Er is niets geboekt.", read.Error?.Code);
        }

        var document = read.Value;
        report.Kind = document.Kind.ToString();
        report.MessageId = document.MessageId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = new BankImport
        {
            FileName = report.FileName,
            Sha256 = sha256,
            MessageKind = report.Kind,
            MessageId = document.MessageId,
            ImportedAt = calendar.Now,
        };
        db.BankImports.Add(import);
        await db.SaveChangesAsync(ct);

        await processor.ProcessAsync(import, document, report, ct);

        import.EntryCount = report.Entries;
        import.NewEntryCount = report.NewEntries;
        await db.SaveChangesAsync(ct);

        if (dryRun)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        else
        {
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation(
            "Imported bank file {Kind} {MessageId}: {Entries} entries, {NewEntries} new, {Unmatched} unmatched, dry run {DryRun}",
            report.Kind,
            report.MessageId,
            report.Entries,
            report.NewEntries,
            report.Unmatched,
            dryRun);
        return report;
    }

    /// <summary>
    /// Hashes the file. A seekable stream (a file) is hashed in one streaming pass and rewound, so its
    /// bytes are not held twice; any other stream is copied into memory first.
    /// </summary>
    private static async Task<(Stream Input, string Sha256)> HashAsync(Stream content, CancellationToken ct)
    {
        var input = content;
        if (!content.CanSeek)
        {
            var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            input = buffer;
        }

        input.Position = 0;
        var hash = await SHA256.HashDataAsync(input, ct);
        input.Position = 0;
        return (input, Convert.ToHexString(hash));
    }
}
