using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Hosting;

namespace Tijdig.Dunning.Claims;

public sealed record ClaimExport(string Path, int Count, long TotalCents);

/// <summary>
/// Writes the new claims of one agency to a CSV or JSON file and marks them submitted, so that the
/// next export does not repeat them.
/// </summary>
public sealed class ExportClaims(TijdigDbContext db, DunningEngine engine, DataDirectory dataDirectory, ILogger<ExportClaims> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<ClaimExport> RunAsync(string agencyKey, string format, string? outputPath, DateOnly date, CancellationToken ct)
    {
        var agency = engine.PolicyOn(date).Agencies.FirstOrDefault(a => string.Equals(a.Key, agencyKey, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"Incassobureau '{agencyKey}' is niet ingesteld: gebruik een van de sleutels onder Dunning:Agencies (agency not configured).");
        if (format is not ("csv" or "json"))
        {
            throw new UsageException($"Formaat '{format}' is ongeldig: gebruik csv of json (invalid format).");
        }

        var claims = await db.AgencyClaims
            .Where(c => c.Agency == agency.Key && c.Status == ClaimStatus.Created)
            .OrderBy(c => c.Id)
            .ToListAsync(ct);
        var debtorIds = claims.Select(c => c.DebtorId).Distinct().ToList();
        var debtors = await db.Debtors.AsNoTracking().Where(d => debtorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var invoiceNumbers = claims.SelectMany(c => c.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var dueDates = await db.Invoices.AsNoTracking()
            .Where(i => invoiceNumbers.Contains(i.InvoiceNumber))
            .ToDictionaryAsync(i => i.InvoiceNumber, i => i.DueDate, ct);

        var rows = claims.Select(c =>
        {
            var debtor = debtors[c.DebtorId];
            var numbers = c.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var interest = c.InterestCharged ? c.InterestCents : 0;
            return new ClaimFileRow(
                c.Id,
                agency.Key,
                agency.JustisNumber,
                debtor.DebtorNumber,
                debtor.Name,
                debtor.Postcode,
                debtor.Email,
                debtor.Mobile,
                string.Join(',', numbers),
                string.Join(',', numbers.Select(n => dueDates.TryGetValue(n, out var due) ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")),
                Money.ToEuros(c.PrincipalCents),
                Money.ToEuros(c.CollectionCostsCents),
                Money.ToEuros(c.CollectionCostsVatCents),
                Money.ToEuros(c.InterestCents),
                c.InterestCharged,
                Money.ToEuros(c.PrincipalCents + c.CollectionCostsCents + c.CollectionCostsVatCents + interest),
                c.StatutoryLetterSentOn,
                c.StatutoryTermEnd,
                c.CreatedOn);
        }).ToList();

        var exports = Path.Combine(dataDirectory.Path, "claims");
        Directory.CreateDirectory(exports);
        var path = outputPath ?? Path.Combine(exports, $"claims-{agency.Key}-{date:yyyy-MM-dd}.{format}");
        var content = format == "csv" ? ClaimFile.ToCsv(rows) : JsonSerializer.Serialize(rows, Json);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), ct);

        foreach (var claim in claims)
        {
            claim.Status = ClaimStatus.Submitted;
            claim.StatusChangedOn = date;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Wrote {Count} claims for agency {Agency} to {Path}", claims.Count, agency.Key, path);
        return new ClaimExport(path, claims.Count, rows.Sum(r => Money.ToCents(r.Total)));
    }
}
