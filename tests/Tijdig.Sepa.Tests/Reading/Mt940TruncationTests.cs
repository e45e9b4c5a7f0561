using System.Text;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Tests.Reading;

/// <summary>
/// An MT940 file cut off during upload or download still parses line by line, so the reader
/// must notice a statement that never reached its closing balance (:62F: or :62M:), and one
/// whose opening balance (:60F:) is missing or invalid.
/// </summary>
public class Mt940TruncationTests
{
    public static TheoryData<string, int> Cuts() => new()
    {
        // The ING sample cut at its second entry, and cut just before its closing balance.
        { "mt940/jejik-ing.sta", 12 },
        { "mt940/jejik-ing.sta", 25 },

        // The Rabobank sample (four statements) cut inside its third statement.
        { "mt940/jejik-rabobank.sta", 24 },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public void Read_MissingClosingBalanceRejected(string sample, int keepLines)
    {
        var lines = File.ReadAllLines(SharedFiles.Sample(sample)).Take(keepLines);
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var result = BankFileReader.Read(new MemoryStream(bytes));

        Assert.False(result.Success, "a truncated MT940 file was read as complete");
        Assert.Equal(SepaMessages.MissingElementCode, result.Error!.Code);
        Assert.Contains(":62F:", result.Error.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> OpeningBalances() => new()
    {
        // Without an opening balance the entries have no currency and would pass as foreign.
        { ":60F:C100722EUR0,00", "", SepaMessages.MissingElementCode },
        { ":60F:C100722EUR0,00", ":60F:C100722EUR", SepaMessages.InvalidValueCode },
        { ":60F:C100722EUR0,00", ":60F:C100722eur0,00", SepaMessages.InvalidValueCode },
    };

    [Theory]
    [MemberData(nameof(OpeningBalances))]
    public void Read_InvalidOpeningBalanceRejected(string line, string replacement, string code)
    {
        var lines = File.ReadAllLines(SharedFiles.Sample("mt940/jejik-ing.sta"))
            .Select(l => l == line ? replacement : l);
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var result = BankFileReader.Read(new MemoryStream(bytes));

        Assert.False(result.Success, $"'{replacement}' was read as a valid opening balance");
        Assert.Equal(code, result.Error!.Code);
    }
}
