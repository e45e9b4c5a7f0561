using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;

namespace Tijdig.Engine.Benchmarks;

/// <summary>
/// Writes a SQLite ledger of <c>debtors</c> debtors with <c>invoicesPerDebtor</c> open invoices each,
/// spread over 100 due dates around the business date so that most engine branches are taken.
/// Deterministic: the same sizes give the same file.
/// </summary>
internal static class SeedDatabase
{
    public static async Task CreateAsync(string path, int debtors, int invoicesPerDebtor, DateOnly businessDate)
    {
        File.Delete(path);
        var builder = new DbContextOptionsBuilder<TijdigDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={path}");
        var options = builder.Options;
        await using (var db = new TijdigDbContext(options))
        {
            await DatabaseSetup.EnsureSchemaAsync(db, CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var debtor = Command(connection, transaction, "INSERT INTO Debtors (Id, DebtorNumber, Name, Email, Mobile, PaymentMethod, Language, DunningSegment, Postcode) VALUES ($id, $number, $name, $email, $mobile, $method, 'nl', $segment, $postcode)");
        var invoice = Command(connection, transaction, "INSERT INTO Invoices (Id, InvoiceNumber, DebtorId, IssueDate, DueDate, AmountCents, OpenCents, PaymentReference, DunningLevel, LastChanceSentOn) VALUES ($id, $number, $debtor, $issue, $due, $amount, $open, $reference, $level, $letter)");
        var collection = Command(connection, transaction, "INSERT INTO Collections (InvoiceId, DebtorId, Attempt, MessageId, PaymentInformationId, EndToEndId, MandateId, CollectionDate, AmountCents, Status, ReasonCode, ReturnedOn) VALUES ($invoice, $debtor, 1, 'BENCH', 'BENCH', $e2e, 'M', $date, $amount, $status, $reason, $returned)");
        var pause = Command(connection, transaction, "INSERT INTO DunningPauses (DebtorId, Kind, Reason, StartsOn, EndsOn, CreatedBy, CreatedAt) VALUES ($debtor, $kind, 'benchmark', $start, $end, 'benchmark', 0)");

        var invoiceId = 0L;
        for (var d = 1; d <= debtors; d++)
        {
            var directDebit = d % 3 != 0;
            Set(debtor, ("$id", d), ("$number", $"D{d:D7}"), ("$name", $"Debiteur {d}"), ("$email", d % 20 == 0 ? null : $"d{d}@example.invalid"),
                ("$mobile", d % 7 == 0 ? null : "+31600000000"), ("$method", directDebit ? "DirectDebit" : "Transfer"),
                ("$segment", d % 10 == 0 ? "new-customer" : null), ("$postcode", $"{1000 + (d % 9000)} AB"));
            await debtor.ExecuteNonQueryAsync();

            if (d % 100 == 0)
            {
                Set(pause, ("$debtor", d), ("$kind", d % 200 == 0 ? "Moratorium" : "Arrangement"), ("$start", Date(businessDate.AddDays(-30))), ("$end", Date(businessDate.AddDays(30))));
                await pause.ExecuteNonQueryAsync();
            }

            for (var n = 0; n < invoicesPerDebtor; n++)
            {
                invoiceId++;
                var daysPastDue = (int)((invoiceId * 37 + d) % 100) - 10;
                var due = businessDate.AddDays(-daysPastDue);
                var level = daysPastDue >= 35 ? 2 : daysPastDue >= 21 ? 1 : 0;
                var letter = level == 2 && invoiceId % 5 == 0 ? due.AddDays(35) : (DateOnly?)null;
                Set(invoice, ("$id", invoiceId), ("$number", $"F{invoiceId:D8}"), ("$debtor", d), ("$issue", Date(due.AddDays(-14))), ("$due", Date(due)),
                    ("$amount", 250_00 + (invoiceId % 1000)), ("$open", 250_00 + (invoiceId % 1000)), ("$reference", $"{invoiceId:D16}"),
                    ("$level", letter is null ? level : 3), ("$letter", letter is { } sent ? Date(sent) : null));
                await invoice.ExecuteNonQueryAsync();

                // A tenth of direct-debit invoices is in flight, and one in a hundred came back.
                if (directDebit && invoiceId % 10 == 0)
                {
                    var returned = invoiceId % 100 == 0;
                    Set(collection, ("$invoice", invoiceId), ("$debtor", d), ("$e2e", $"E{invoiceId}"), ("$date", Date(due)), ("$amount", 250_00),
                        ("$status", returned ? "Returned" : "Submitted"), ("$reason", returned ? (invoiceId % 300 == 0 ? "AC04" : "AM04") : null),
                        ("$returned", returned ? Date(businessDate.AddDays(-1)) : null));
                    await collection.ExecuteNonQueryAsync();
                }
            }
        }

        await transaction.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
