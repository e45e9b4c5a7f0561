using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tijdig.Ledger;

/// <summary>
/// Reads a CSV file with a header row into rows that know their line number, so that every
/// rejection can name the line. The delimiter is a comma or a semicolon (Dutch spreadsheets
/// write semicolons), taken from the header row.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
    {
        Headers = headers;
        Rows = rows;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static CsvTable Read(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ";" : ",";

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            TrimOptions = TrimOptions.Trim,
            DetectColumnCountChanges = false,
            BadDataFound = null,
        };

        using var csv = new CsvReader(new StringReader(text), configuration);
        if (!csv.Read() || !csv.ReadHeader())
        {
            return new CsvTable([], []);
        }

        var headers = (csv.HeaderRecord ?? []).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                values[headers[i]] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
            }

            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new CsvRow(csv.Parser.RawRow, values));
        }

        return new CsvTable(headers, rows);
    }

    /// <summary>Returns the required columns that the header row lacks.</summary>
    public IReadOnlyList<string> MissingColumns(IEnumerable<string> required) =>
        required.Where(column => !Headers.Contains(column)).ToList();
}

public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string Get(string column) => Values.TryGetValue(column, out var value) ? value.Trim() : "";

    public string? GetOptional(string column)
    {
        var value = Get(column);
        return value.Length == 0 ? null : value;
    }
}

/// <summary>A rejected CSV line: the line number and the reason, in Dutch for the credit team.</summary>
public sealed record ImportError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"regel {Line.ToString(CultureInfo.InvariantCulture)}: {Message}" : Message;
}

public sealed record ImportResult(int Imported, int Updated, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Rows already in the ledger, left as they were.</summary>
    public int Skipped { get; init; }

    public bool Success => Errors.Count == 0;
}
