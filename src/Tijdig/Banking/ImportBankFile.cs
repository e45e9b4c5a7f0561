using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Hosting;
using Tijdig.Sepa;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Banking;

/// <summary>
/// Imports a pain.002, camt.052/053/054 or MT940 file in one transaction: records returned and
/// rejected direct debits with their reason, settles collections, and books incoming transfers on
/// invoices. Idempotent twice over: a file with the same bytes is refused as already imported, and
/// an entry seen in an earlier, overlapping file is skipped by its entry key.
/// Statement files (camt and MT940) stream in bounded memory: a first pass validates the whole
/// file, so a broken file books nothing, and a second pass books it chunk by chunk. A pain.002 is
/// read whole, because it reports on a pain.008 that Tijdig wrote and is small by nature.
/// </summary>
public sealed class ImportBankFile(
    TijdigDbContext db,
    BankEntryProcessor processor,
    BusinessCalendar calendar,
    ILogger<ImportBankFile> logger)
{
    public async Task<BankImportReport> RunAsync(string fileName, Stream content, bool dryRun, CancellationToken ct)
    {
        await using var input = await ImportInput.OpenAsync(content, ct);
        var report = new BankImportReport { FileName = Path.GetFileName(fileName), DryRun = dryRun };

        var previous = await db.BankImports.AsNoTracking().FirstOrDefaultAsync(i => i.Sha256 == input.Sha256, ct);
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

        var detected = BankFileReader.Detect(input.Rewind());
        var streaming = detected.Success && detected.Value != BankMessageKind.Pain002;
        var (kind, messageId, book) = streaming
            ? await ScanAsync(input, report.FileName, ct)
            : ReadWhole(input, report.FileName, ct);
        report.Kind = kind.ToString();
        report.MessageId = messageId;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = new BankImport
        {
            FileName = report.FileName,
            Sha256 = input.Sha256,
            MessageKind = report.Kind,
            MessageId = messageId,
            ImportedAt = calendar.Now,
        };
        db.BankImports.Add(import);
        await db.SaveChangesAsync(ct);

        await book(import, report);

        // Streaming clears the change tracker after each chunk, so the import row may no longer be tracked.
        if (db.Entry(import).State == EntityState.Detached)
        {
            db.BankImports.Attach(import);
        }

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

    private delegate Task BookAsync(BankImport import, BankImportReport report);

    /// <summary>First pass over a statement file: validates every entry and keeps only the statement headers.</summary>
    private async Task<(BankMessageKind, string, BookAsync)> ScanAsync(ImportInput input, string fileName, CancellationToken ct)
    {
        var scan = await Task.Run(() => BankFileScan.Run(input.Rewind()), ct);
        var valid = Valid(scan, fileName);
        return (valid.Kind, valid.MessageId, (import, report) =>
            processor.ProcessStreamAsync(import, valid, BankEntryStream.ReadAsync(input.Rewind(), BankEntryProcessor.ChunkUnits, ct), report, ct));
    }

    private (BankMessageKind, string, BookAsync) ReadWhole(ImportInput input, string fileName, CancellationToken ct)
    {
        var document = Valid(BankFileReader.Read(input.Rewind()), fileName);
        return (document.Kind, document.MessageId, (import, report) => processor.ProcessAsync(import, document, report, ct));
    }

    private static T Valid<T>(SepaResult<T> read, string fileName) =>
        read.Success
            ? read.Value
            : throw new BankImportException(BankFileErrorText.Rejected(fileName, read.Error), read.Error?.Code);
}
