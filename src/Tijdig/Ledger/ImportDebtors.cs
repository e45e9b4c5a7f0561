using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Messaging.Sms;
using Tijdig.Sepa.Identifiers;

namespace Tijdig.Ledger;

/// <summary>
/// Imports debtors from the billing system's CSV export. All rows are validated first; one bad
/// row rejects the whole file, so a half-imported ledger never exists. Known debtor numbers are
/// updated, new ones added.
/// </summary>
public sealed class ImportDebtors(TijdigDbContext db, Hosting.BusinessCalendar calendar)
{
    public static readonly string[] RequiredColumns = ["debtor_number", "name", "payment_method"];

    public static readonly string[] Columns =
        ["debtor_number", "name", "email", "mobile", "iban", "bic", "mandate_id", "mandate_date", "payment_method", "language", "contract_number", "street", "postcode", "city"];

    public async Task<ImportResult> RunAsync(TextReader csv, CancellationToken ct)
    {
        var table = CsvTable.Read(csv);
        var missing = table.MissingColumns(RequiredColumns);
        if (missing.Count > 0)
        {
            return new ImportResult(0, 0, [new ImportError(1, $"kolom ontbreekt: {string.Join(", ", missing)}. Verwacht: {string.Join(", ", Columns)}.")]);
        }

        var errors = new List<ImportError>();
        var parsed = new List<(CsvRow Row, Debtor Debtor, string? ContractNumber)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var debtor = Parse(row, errors, calendar.Today);
            if (debtor is null)
            {
                continue;
            }

            if (!seen.Add(debtor.DebtorNumber))
            {
                errors.Add(new ImportError(row.Line, $"debiteurnummer {debtor.DebtorNumber} staat meer dan eens in het bestand."));
                continue;
            }

            parsed.Add((row, debtor, row.GetOptional("contract_number")));
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        var numbers = parsed.Select(p => p.Debtor.DebtorNumber).ToList();
        var existing = await db.Debtors.Where(d => numbers.Contains(d.DebtorNumber)).ToDictionaryAsync(d => d.DebtorNumber, ct);

        // A mandate belongs to one debtor: the same mandate id on two debtors would put two people's
        // collections under one authorisation.
        var mandates = parsed.Where(p => p.Debtor.MandateId is not null).Select(p => p.Debtor.MandateId!).ToList();
        var mandateOwners = await db.Debtors.Where(d => d.MandateId != null && mandates.Contains(d.MandateId))
            .Select(d => new { d.MandateId, d.DebtorNumber })
            .ToListAsync(ct);
        foreach (var group in parsed.Where(p => p.Debtor.MandateId is not null).GroupBy(p => p.Debtor.MandateId!, StringComparer.Ordinal))
        {
            var owners = group.Select(p => p.Debtor.DebtorNumber)
                .Concat(mandateOwners.Where(o => o.MandateId == group.Key).Select(o => o.DebtorNumber))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (owners.Count > 1)
            {
                errors.Add(new ImportError(group.First().Row.Line, $"machtigingskenmerk {group.Key} hoort bij meer dan één debiteur ({string.Join(", ", owners)}); elke debiteur heeft een eigen machtiging."));
            }
        }

        foreach (var (row, debtor, _) in parsed)
        {
            var isNew = !existing.ContainsKey(debtor.DebtorNumber);
            if (isNew && debtor.PaymentMethod == PaymentMethod.DirectDebit && (debtor.Iban is null || debtor.MandateId is null || debtor.MandateSignatureDate is null))
            {
                errors.Add(new ImportError(row.Line, $"debiteur {debtor.DebtorNumber} betaalt via incasso maar IBAN, machtigingskenmerk of machtigingsdatum ontbreekt."));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors);
        }

        var imported = 0;
        var updated = 0;
        foreach (var (_, debtor, contractNumber) in parsed)
        {
            if (existing.TryGetValue(debtor.DebtorNumber, out var known))
            {
                if (CopyDetails(debtor, known, table.Headers))
                {
                    updated++;
                }

                continue;
            }

            if (contractNumber is not null)
            {
                debtor.Contracts.Add(new Contract { ContractNumber = contractNumber, StartDate = debtor.MandateSignatureDate ?? default });
            }

            db.Debtors.Add(debtor);
            imported++;
        }

        await db.SaveChangesAsync(ct);
        return new ImportResult(imported, updated, []);
    }

    private static Debtor? Parse(CsvRow row, List<ImportError> errors, DateOnly today)
    {
        var count = errors.Count;
        var number = row.Get("debtor_number");
        var name = row.Get("name");

        if (number.Length is 0 or > 35)
        {
            errors.Add(new ImportError(row.Line, "debiteurnummer ontbreekt of is langer dan 35 tekens."));
        }

        if (name.Length == 0)
        {
            errors.Add(new ImportError(row.Line, $"naam ontbreekt bij debiteur {number}."));
        }

        var methodValid = Enum.TryParse<PaymentMethod>(row.Get("payment_method"), ignoreCase: true, out var method);
        if (!methodValid)
        {
            errors.Add(new ImportError(row.Line, $"betaalwijze '{row.Get("payment_method")}' is ongeldig; gebruik DirectDebit of Transfer."));
        }

        string? mobile = null;
        if (row.GetOptional("mobile") is { } rawMobile)
        {
            var phone = Messaging.Sms.PhoneNumbers.NormalizeDutchMobile(rawMobile);
            if (phone.IsValid)
            {
                mobile = phone.E164;
            }
            else
            {
                errors.Add(new ImportError(row.Line, $"mobiel nummer '{rawMobile}' is ongeldig: {phone.Message}"));
            }
        }

        var email = row.GetOptional("email");
        if (email is not null && !IsPlausibleEmail(email))
        {
            errors.Add(new ImportError(row.Line, $"e-mailadres '{email}' is ongeldig."));
        }

        string? iban = null;
        if (row.GetOptional("iban") is { } rawIban)
        {
            iban = Iban.Normalize(rawIban);
            if (!Iban.IsValid(iban))
            {
                errors.Add(new ImportError(row.Line, $"IBAN '{rawIban}' is ongeldig (controlegetal of lengte klopt niet)."));
            }
        }

        DateOnly? mandateDate = null;
        if (row.GetOptional("mandate_date") is { } rawDate)
        {
            if (CsvValues.TryParseDate(rawDate, out var date))
            {
                mandateDate = date;
                if (date > today)
                {
                    errors.Add(new ImportError(row.Line, $"machtigingsdatum '{rawDate}' ligt in de toekomst; een machtiging geldt pas na ondertekening."));
                }
            }
            else
            {
                errors.Add(new ImportError(row.Line, $"machtigingsdatum '{rawDate}' is ongeldig; gebruik JJJJ-MM-DD."));
            }
        }

        var mandateId = row.GetOptional("mandate_id");
        if (mandateId is not null && Sepa.Writing.SepaText.CheckIdentifier(mandateId) is { } mandateProblem)
        {
            errors.Add(new ImportError(row.Line, $"machtigingskenmerk '{mandateId}' is ongeldig voor SEPA ({mandateProblem}); gebruik letters, cijfers en / - ? : ( ) . , ' +, zonder / aan begin of eind."));
        }

        var bic = row.GetOptional("bic")?.ToUpperInvariant();
        if (bic is not null && !Bic.IsValid(bic))
        {
            errors.Add(new ImportError(row.Line, $"BIC '{bic}' is ongeldig (8 of 11 tekens, zoals ABNANL2A)."));
        }

        // Only missing values are reported here; an invalid IBAN or date already has its own error.
        // A file without the mandate columns updates other details and leaves the mandate on file alone;
        // a new debtor without them is caught after the known debtors are loaded.
        var hasMandateColumns = row.Values.ContainsKey("iban") || row.Values.ContainsKey("mandate_id") || row.Values.ContainsKey("mandate_date");
        var mandateIncomplete = hasMandateColumns && (row.GetOptional("iban") is null || mandateId is null || row.GetOptional("mandate_date") is null);
        if (methodValid && method == PaymentMethod.DirectDebit && mandateIncomplete)
        {
            errors.Add(new ImportError(row.Line, $"debiteur {number} betaalt via incasso maar IBAN, machtigingskenmerk of machtigingsdatum ontbreekt."));
        }

        var language = row.GetOptional("language")?.ToLowerInvariant() ?? "nl";
        if (language is not ("nl" or "en"))
        {
            errors.Add(new ImportError(row.Line, $"taal '{language}' wordt niet ondersteund; gebruik nl of en."));
        }

        var postcode = row.GetOptional("postcode");
        if (postcode is not null && NormalizePostcode(postcode) is { } normalized)
        {
            postcode = normalized;
        }

        if (errors.Count > count)
        {
            return null;
        }

        return new Debtor
        {
            DebtorNumber = number,
            Name = name,
            Email = email,
            Mobile = mobile,
            Iban = iban,
            Bic = bic,
            MandateId = mandateId,
            MandateSignatureDate = mandateDate,
            PaymentMethod = method,
            Language = language,
            Street = row.GetOptional("street"),
            Postcode = postcode,
            City = row.GetOptional("city"),
        };
    }

    // A Dutch postcode in any spacing or case becomes "1234 AB"; anything else, such as a foreign
    // postcode, is kept as written.
    private static string? NormalizePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return compact.Length == 6 && compact[..4].All(char.IsAsciiDigit) && compact[4..].All(char.IsAsciiLetterUpper)
            ? compact[..4] + " " + compact[4..]
            : null;
    }

    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 3 && email.IndexOf('.', at) > at && !email.Contains(' ', StringComparison.Ordinal);
    }

    /// <summary>
    /// Copies the columns the file has onto a known debtor, so a file without, say, the mobile
    /// column leaves the mobile number on file alone. Returns true when anything changed.
    /// </summary>
    private static bool CopyDetails(Debtor source, Debtor target, IReadOnlyList<string> columns)
    {
        var changed = false;
        void Copy<T>(string column, T value, Func<T> current, Action<T> set)
        {
            if (columns.Contains(column) && !EqualityComparer<T>.Default.Equals(current(), value))
            {
                set(value);
                changed = true;
            }
        }

        Copy("name", source.Name, () => target.Name, v => target.Name = v);
        Copy("email", source.Email, () => target.Email, v => target.Email = v);
        Copy("mobile", source.Mobile, () => target.Mobile, v => target.Mobile = v);
        Copy("iban", source.Iban, () => target.Iban, v => target.Iban = v);
        Copy("bic", source.Bic, () => target.Bic, v => target.Bic = v);
        Copy("mandate_id", source.MandateId, () => target.MandateId, v => target.MandateId = v);
        Copy("mandate_date", source.MandateSignatureDate, () => target.MandateSignatureDate, v => target.MandateSignatureDate = v);
        Copy("payment_method", source.PaymentMethod, () => target.PaymentMethod, v => target.PaymentMethod = v);
        Copy("language", source.Language, () => target.Language, v => target.Language = v);
        Copy("street", source.Street, () => target.Street, v => target.Street = v);
        Copy("postcode", source.Postcode, () => target.Postcode, v => target.Postcode = v);
        Copy("city", source.City, () => target.City, v => target.City = v);
        return changed;
    }
}
