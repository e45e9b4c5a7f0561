namespace Tijdig.Banking;

/// <summary>What one bank-file import booked, or would book in a dry run.</summary>
public sealed class BankImportReport
{
    public string FileName { get; init; } = "";

    public string Kind { get; set; } = "";

    public string MessageId { get; set; } = "";

    public bool DryRun { get; init; }

    /// <summary>True when exactly this file was imported before; nothing was booked.</summary>
    public bool AlreadyImported { get; set; }

    public DateTimeOffset? PreviouslyImportedAt { get; set; }

    public int Entries { get; set; }

    public int NewEntries { get; set; }

    public int KnownEntries { get; set; }

    public int Unmatched { get; set; }

    public int Ignored { get; set; }

    public long CreditedCents { get; set; }

    public long DebitedCents { get; set; }

    public SortedDictionary<string, int> MatchedByRule { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ReturnsByReason { get; } = new(StringComparer.Ordinal);

    public void CountMatch(string rule) => MatchedByRule[rule] = MatchedByRule.GetValueOrDefault(rule) + 1;

    public void CountReturn(string reason) => ReturnsByReason[reason] = ReturnsByReason.GetValueOrDefault(reason) + 1;
}

/// <summary>A bank file that could not be imported; nothing of it was booked.</summary>
public sealed class BankImportException(string message) : Exception(message);
