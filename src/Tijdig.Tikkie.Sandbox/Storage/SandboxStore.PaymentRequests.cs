using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tijdig.Tikkie.Sandbox.Storage;

internal sealed partial class SandboxStore
{
    private const string RequestColumns = """
        r.token, r.app_token, r.amount, r.description, r.reference_id, r.created_ticks, r.expiry_date, r.max_payments, r.closed,
        (SELECT COUNT(*) FROM payments p WHERE p.request_token = r.token),
        (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.request_token = r.token)
        """;

    public void AddPaymentRequest(StoredPaymentRequest request) => Execute(
        """
        INSERT INTO payment_requests (token, app_token, amount, description, reference_id, created_ticks, expiry_date, max_payments, closed)
        VALUES ($token, $app, $amount, $description, $reference, $created, $expiry, $max, 0)
        """,
        ("$token", request.Token), ("$app", request.AppToken), ("$amount", request.AmountInCents),
        ("$description", request.Description), ("$reference", request.ReferenceId),
        ("$created", request.Created.UtcTicks), ("$expiry", DateText(request.ExpiryDate)), ("$max", request.MaxPayments));

    /// <summary>Finds a request; with <paramref name="appToken"/> null it ignores the owner (payment page and control endpoints).</summary>
    public StoredPaymentRequest? FindPaymentRequest(string token, string? appToken) => Query(
        $"SELECT {RequestColumns} FROM payment_requests r WHERE r.token = $token AND ($app IS NULL OR r.app_token = $app)",
        ReadRequest,
        ("$token", token), ("$app", appToken)).SingleOrDefault();

    /// <summary>Lists requests of one app, newest first, filtered on creation time.</summary>
    public (List<StoredPaymentRequest> Items, int Total) ListPaymentRequests(string appToken, PageRequest page)
    {
        const string Filter = """
            WHERE r.app_token = $app
              AND ($from IS NULL OR r.created_ticks >= $from)
              AND ($to IS NULL OR r.created_ticks <= $to)
            """;
        var parameters = new (string, object?)[]
        {
            ("$app", appToken), ("$from", page.From?.UtcTicks), ("$to", page.To?.UtcTicks),
            ("$limit", page.PageSize), ("$offset", (long)page.PageNumber * page.PageSize),
        };

        lock (gate)
        {
            var total = Convert.ToInt32(Scalar($"SELECT COUNT(*) FROM payment_requests r {Filter}", parameters), CultureInfo.InvariantCulture);
            var items = Query(
                $"SELECT {RequestColumns} FROM payment_requests r {Filter} ORDER BY r.created_ticks DESC, r.seq DESC LIMIT $limit OFFSET $offset",
                ReadRequest,
                parameters);
            return (items, total);
        }
    }

    public void CloseRequest(string token) =>
        Execute("UPDATE payment_requests SET closed = 1 WHERE token = $token", ("$token", token));

    private static StoredPaymentRequest ReadRequest(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetInt64(2),
        reader.GetString(3),
        NullableString(reader, 4),
        FromTicks(reader.GetInt64(5)),
        DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.GetInt64(8) != 0,
        reader.GetInt32(9),
        reader.GetInt64(10));
}
