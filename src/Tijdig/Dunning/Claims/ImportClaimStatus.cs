using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Ledger;
using Tijdig.Payments;

namespace Tijdig.Dunning.Claims;

public sealed record ClaimStatusImport(int Updated, int PaymentsBooked, long BookedCents, IReadOnlyList<string> Errors)
{
    public bool Success => Errors.Count == 0;
}

/// <summary>
/// Reads an agency's status file and applies it: the claim status, and the principal the agency has
/// collected and passed on so far. New money is booked as an agency payment on the claim's invoices,
/// oldest first, like any other payment. The file is applied completely or not at all.
/// </summary>
/// <remarks>
/// Format: UTF-8, semicolon-separated, header <c>claim_id;status;collected_principal;date</c>.
/// <c>status</c> is <c>in-progress</c>, <c>paid</c> or <c>closed</c>; <c>collected_principal</c> is the
/// running total in euros with a point; <c>date</c> is yyyy-MM-dd.
/// </remarks>
public sealed class ImportClaimStatus(TijdigDbContext db, PaymentBooking booking, ILogger<ImportClaimStatus> logger)
{
    private static readonly string[] Header = ["claim_id", "status", "collected_principal", "date"];

    public async Task<ClaimStatusImport> RunAsync(TextReader reader, CancellationToken ct)
    {
        var (rows, errors) = await ParseAsync(reader);
        if (errors.Count > 0)
        {
            return new ClaimStatusImport(0, 0, 0, errors);
        }

        var ids = rows.Select(r => r.ClaimId).ToList();
        var claims = await db.AgencyClaims.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var row in rows.Where(r => !claims.ContainsKey(r.ClaimId)))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: claim {row.ClaimId} not found."));
        }

        foreach (var row in rows.Where(r => claims.TryGetValue(r.ClaimId, out var c) && c.Status == ClaimStatus.Recalled))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: claim {row.ClaimId} was recalled; ask the agency to stop reporting it."));
        }

        if (errors.Count > 0)
        {
            return new ClaimStatusImport(0, 0, 0, errors);
        }

        var payments = 0;
        var booked = 0L;
        foreach (var row in rows)
        {
            var claim = claims[row.ClaimId];
            var newMoney = row.CollectedCents - claim.AgencyCollectedCents;
            if (newMoney > 0)
            {
                var numbers = claim.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
                var invoices = await db.Invoices
                    .Where(i => numbers.Contains(i.InvoiceNumber) && i.OpenCents > 0)
                    .OrderBy(i => i.DueDate)
                    .ToListAsync(ct);
                var reference = string.Create(CultureInfo.InvariantCulture, $"agency:{claim.Id}:{row.CollectedCents}");
                booking.Book(PaymentSource.Agency, reference, claim.DebtorId, row.Date, newMoney, invoices, claim.Agency);
                claim.AgencyCollectedCents = row.CollectedCents;
                payments++;
                booked += newMoney;
            }

            claim.Status = row.Status;
            claim.StatusChangedOn = row.Date;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Applied agency status for {Claims} claims; booked {Payments} payments", rows.Count, payments);
        return new ClaimStatusImport(rows.Count, payments, booked, []);
    }

    private sealed record Row(int Line, long ClaimId, ClaimStatus Status, long CollectedCents, DateOnly Date);

    private static async Task<(List<Row> Rows, List<string> Errors)> ParseAsync(TextReader reader)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        var header = await reader.ReadLineAsync();
        if (header is null || !header.Trim().Split(';').SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("line 1: header must be " + string.Join(';', Header) + ".");
            return (rows, errors);
        }

        var number = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(';');
            if (fields.Length != Header.Length)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: {fields.Length} fields, expected {Header.Length}."));
                continue;
            }

            if (!long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: claim_id '{fields[0]}' is not a number."));
                continue;
            }

            ClaimStatus? status = fields[1].Trim().ToLowerInvariant() switch
            {
                "in-progress" => ClaimStatus.InProgress,
                "paid" => ClaimStatus.Paid,
                "closed" => ClaimStatus.Closed,
                _ => null,
            };
            if (status is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: status '{fields[1]}' is invalid; use in-progress, paid or closed."));
                continue;
            }

            if (!decimal.TryParse(fields[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var collected) || collected != decimal.Round(collected, 2))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: collected_principal '{fields[2]}' is invalid; use euros with a point, such as 125.50."));
                continue;
            }

            if (!DateOnly.TryParseExact(fields[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: date '{fields[3]}' is invalid; use yyyy-MM-dd."));
                continue;
            }

            rows.Add(new Row(number, id, status.Value, Money.ToCents(collected), date));
        }

        return (rows, errors);
    }
}
