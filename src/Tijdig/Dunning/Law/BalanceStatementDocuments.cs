using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Domain.Ledger;
using Tijdig.Hosting;
using Tijdig.Letters;

namespace Tijdig.Dunning.Law;

/// <summary>
/// Keeps the PDF of each balance statement as proof of what was delivered, as the letters are kept:
/// the file under <c>{data}/statements/{statement date}/saldo-opgave-{work item id}.pdf</c> and its
/// SHA-256 in the description of the statement's work item.
/// </summary>
public sealed partial class BalanceStatementDocuments(DataDirectory dataDirectory, IOptions<LetterSettings> letters, IOptions<OrganisationSettings> organisation)
{
    private const string HashLabel = "SHA-256 ";

    /// <summary>The path of the statement's PDF relative to the data directory, with forward slashes.</summary>
    public static string RelativePath(WorkItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"statements/{item.CreatedOn:yyyy-MM-dd}/saldo-opgave-{item.Id}.pdf");

    /// <summary>The SHA-256 recorded in the work item's description; null before the PDF was written.</summary>
    public static string? RecordedHash(string description) =>
        HashPattern().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    public string FullPath(WorkItem item) => Path.Combine(dataDirectory.Path, RelativePath(item));

    /// <summary>
    /// Writes the PDF of <paramref name="statement"/> for <paramref name="item"/> unless it was written
    /// before, and records its SHA-256 in the item's description. The caller saves the item.
    /// </summary>
    // A PDF whose file went missing is written again from today's ledger under a new hash, because a
    // statement that cannot be opened proves nothing. The old hash stays in the description.
    public async Task<bool> EnsureAsync(WorkItem item, Debtor debtor, BalanceStatement statement, CancellationToken ct)
    {
        var path = FullPath(item);
        if (RecordedHash(item.Description) is not null && File.Exists(path))
        {
            return false;
        }

        var pdf = BalanceStatementPdf.Render(statement, Parties(debtor), letters.Value);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf, ct);

        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        item.Description = $"{item.Description.TrimEnd()} Pdf: {RelativePath(item)}, {HashLabel}{hash}.";
        return true;
    }

    private BalanceStatementParties Parties(Debtor debtor)
    {
        var address = new List<string>();
        if (!string.IsNullOrWhiteSpace(debtor.Street))
        {
            address.Add(debtor.Street.Trim());
        }

        var place = $"{debtor.Postcode} {debtor.City}".Trim();
        if (place.Length > 0)
        {
            address.Add(place);
        }

        var name = string.IsNullOrWhiteSpace(organisation.Value.Name) ? organisation.Value.CreditorName : organisation.Value.Name;
        return new BalanceStatementParties(name, letters.Value.SenderLines, debtor.Name, address);
    }

    // The last hash wins: a PDF written again after its file went missing appends a new one.
    [GeneratedRegex("SHA-256 ([0-9a-f]{64})", RegexOptions.RightToLeft)]
    private static partial Regex HashPattern();
}
