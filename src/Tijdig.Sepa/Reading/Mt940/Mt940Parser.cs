using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Reading.Mt940;

/// <summary>
/// Reads SWIFT MT940 customer statements as Dutch banks write them, line by line. SWIFT block
/// headers ("{1:…}{4:"), bank header lines and "-" trailers are skipped; every :20: starts a statement,
/// every :61: an entry, and the :86: lines that follow describe it.
/// </summary>
internal sealed partial class Mt940Parser(Action<BankStatementHeader, BankEntry> onEntry, Action<BankStatementHeader> onStatementEnd)
{
    public const string FormatName = "MT940";

    [GeneratedRegex(@"^:(\d{2}[A-Z]?):(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^[CD]\d{6}[A-Z]{3}\d+(?:,\d*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningBalancePattern();

    [GeneratedRegex(@"^(?<value>\d{6})(?<entry>\d{4})?(?<mark>R?[CD])(?<funds>[A-Z])?(?<amount>\d+(?:,\d*)?)(?<type>[NSF][A-Z0-9]{3})(?<reference>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPattern();

    private string _messageId = "";
    private int _statementCount;
    private int _entryCount;
    private decimal _creditTotal;
    private decimal _debitTotal;

    private bool _statementOpen;
    private bool _closingBalanceSeen;
    private int _statementLine;
    private string _reference = "";
    private string? _account;
    private string? _statementNumber;
    private string? _currency;
    private BankStatementHeader? _header;

    private string? _fieldTag;
    private readonly StringBuilder _fieldValue = new();
    private int _fieldLine;

    private PendingEntry? _pending;
    private readonly StringBuilder _details = new();

    public BankFileSummary Read(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var field = FieldPattern().Match(line);
            if (field.Success)
            {
                FlushField();
                _fieldTag = field.Groups[1].Value;
                _fieldValue.Clear().Append(field.Groups[2].Value);
                _fieldLine = lineNumber;
            }
            else if (line.StartsWith('{') || line.StartsWith('-'))
            {
                FlushField();
            }
            else if (_fieldTag is not null && line.Trim().Length > 0)
            {
                _fieldValue.Append('\n').Append(line);
            }
        }

        FlushField();
        FinishStatement();
        return new BankFileSummary(BankMessageKind.Mt940, FormatName, _messageId, null, _statementCount, _entryCount, _creditTotal, _debitTotal);
    }

    private void FlushField()
    {
        if (_fieldTag is null)
        {
            return;
        }

        var tag = _fieldTag;
        var value = _fieldValue.ToString();
        var location = string.Create(CultureInfo.InvariantCulture, $"line {_fieldLine}");
        _fieldTag = null;

        switch (tag)
        {
            case "20":
                FinishStatement();
                StartStatement(value.Trim(), _fieldLine);
                break;
            case "25":
                _account = value.Trim();
                break;
            case "28" or "28C":
                _statementNumber = value.Trim();
                break;
            case "60F" or "60M":
                _currency = OpeningBalancePattern().IsMatch(value.Trim())
                    ? value.Trim().Substring(7, 3)
                    : throw new ReadFailure(SepaMessages.InvalidValue(location, value.Trim(), "an opening balance (C or D, YYMMDD, currency, amount)"));
                break;
            case "61":
                FlushEntry();

                // The entries take their currency from the opening balance. Without one they would
                // pass as foreign currency, stay unbooked, and make the corrected file look seen before.
                if (_currency is null)
                {
                    throw new ReadFailure(SepaMessages.MissingElement(location, ":60F:"));
                }

                _pending = ParseEntryLine(value, location);
                break;
            case "86":
                if (_pending is not null)
                {
                    _details.Append(_details.Length > 0 ? "\n" : "").Append(value);
                }

                break;
            case "62F" or "62M":
                FlushEntry();
                _closingBalanceSeen = true;
                break;
            case "64" or "65":
                FlushEntry();
                break;
        }
    }

    private void StartStatement(string reference, int line)
    {
        _statementOpen = true;
        _closingBalanceSeen = false;
        _statementLine = line;
        _statementCount++;
        if (_statementCount == 1)
        {
            _messageId = reference;
        }

        _reference = reference;
        _account = null;
        _statementNumber = null;
        _currency = null;
        _header = null;
    }

    private void FinishStatement()
    {
        FlushEntry();
        if (!_statementOpen)
        {
            return;
        }

        // Every MT940 statement ends with its closing balance. Without one the file was cut off
        // (during upload or download) and its entries are incomplete.
        if (!_closingBalanceSeen)
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"line {_statementLine} (:20:{_reference})");
            throw new ReadFailure(SepaMessages.MissingElement(location, ":62F:"));
        }

        onStatementEnd(Header());
        _statementOpen = false;
    }

    private BankStatementHeader Header()
    {
        if (_header is not null)
        {
            return _header;
        }

        var ibanCandidate = _account is null ? null : Iban.Normalize(_account.Split('/')[^1]);
        var iban = ibanCandidate is not null && Iban.HasIbanShape(ibanCandidate) ? ibanCandidate : null;
        long? sequence = null;
        var number = _statementNumber?.Split('/')[0];
        if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            sequence = parsed;
        }

        _header = new BankStatementHeader(
            BankMessageKind.Mt940,
            _messageId,
            _statementCount - 1,
            _statementNumber ?? _reference,
            iban,
            _currency,
            sequence,
            null);
        return _header;
    }

    private void FlushEntry()
    {
        if (_pending is not { } pending)
        {
            return;
        }

        _pending = null;
        var details = Mt940Details.Parse(_details.ToString(), pending.Supplementary);
        _details.Clear();

        var returnInfo = details.ReturnCode is null ? null : new ReturnInformation(details.ReturnCode, null, null);
        var transaction = new EntryTransaction(
            pending.Amount,
            pending.Direction,
            details.EndToEndId,
            details.MandateId,
            null,
            null,
            null,
            pending.BankReference,
            details.Name,
            details.Iban,
            details.Remittance,
            details.StructuredReference,
            returnInfo,
            null,
            null);

        var entry = new BankEntry(
            pending.Amount,
            _currency ?? "",
            pending.Direction,
            pending.Reversal,
            "BOOK",
            pending.BookingDate,
            pending.ValueDate,
            pending.BankReference,
            new BankTransactionCode(null, null, null, pending.TypeCode),
            details.Text.Length == 0 ? null : details.Text,
            [transaction])
        {
            Return = returnInfo,
        };

        _entryCount++;
        if (entry.Direction == CreditDebit.Credit)
        {
            _creditTotal += entry.Amount;
        }
        else
        {
            _debitTotal += entry.Amount;
        }

        onEntry(Header(), entry);
    }

    private static PendingEntry ParseEntryLine(string value, string location)
    {
        var lines = value.Split('\n');
        var match = EntryPattern().Match(lines[0]);
        if (!match.Success)
        {
            throw new ReadFailure(SepaMessages.InvalidValue(location, lines[0], "an MT940 :61: line (date, C or D, amount, transaction type)"));
        }

        var valueDate = ParseDate(match.Groups["value"].Value, location);
        var bookingDate = match.Groups["entry"].Success ? EntryDate(valueDate, match.Groups["entry"].Value, location) : valueDate;

        var amountText = match.Groups["amount"].Value;
        var comma = amountText.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0 && amountText.Length - comma - 1 > 2)
        {
            throw new ReadFailure(SepaMessages.AmountTooManyDecimals(location, amountText));
        }

        if (!decimal.TryParse(amountText.Replace(',', '.').TrimEnd('.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new ReadFailure(SepaMessages.AmountNotANumber(location, amountText));
        }

        if (amount >= SepaMessages.AmountLimit)
        {
            throw new ReadFailure(SepaMessages.AmountTooLarge(location, amountText));
        }

        var mark = match.Groups["mark"].Value;
        var reference = match.Groups["reference"].Value;
        var bankReferenceStart = reference.IndexOf("//", StringComparison.Ordinal);
        var bankReference = bankReferenceStart >= 0 ? reference[(bankReferenceStart + 2)..].Trim() : null;
        var supplementary = lines.Length > 1 ? lines[1].Trim() : null;

        return new PendingEntry(
            amount,
            mark.EndsWith('C') ? CreditDebit.Credit : CreditDebit.Debit,
            mark.StartsWith('R'),
            valueDate,
            bookingDate,
            match.Groups["type"].Value,
            string.IsNullOrEmpty(bankReference) ? null : bankReference,
            string.IsNullOrEmpty(supplementary) ? null : supplementary);
    }

    private static DateOnly ParseDate(string yymmdd, string location)
    {
        if (DateOnly.TryParseExact(yymmdd, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new ReadFailure(SepaMessages.InvalidValue(location, yymmdd, "a date (YYMMDD)"));
    }

    /// <summary>The entry date has no year; it is the value date's year unless the two straddle New Year.</summary>
    private static DateOnly EntryDate(DateOnly valueDate, string mmdd, string location)
    {
        var month = int.Parse(mmdd[..2], CultureInfo.InvariantCulture);
        var day = int.Parse(mmdd[2..], CultureInfo.InvariantCulture);
        var year = valueDate.Year;
        if (month == 1 && valueDate.Month == 12)
        {
            year++;
        }
        else if (month == 12 && valueDate.Month == 1)
        {
            year--;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new ReadFailure(SepaMessages.InvalidValue(location, mmdd, "an entry date (MMDD)"));
        }

        return new DateOnly(year, month, day);
    }

    private readonly record struct PendingEntry(
        decimal Amount,
        CreditDebit Direction,
        bool Reversal,
        DateOnly ValueDate,
        DateOnly BookingDate,
        string TypeCode,
        string? BankReference,
        string? Supplementary);
}
