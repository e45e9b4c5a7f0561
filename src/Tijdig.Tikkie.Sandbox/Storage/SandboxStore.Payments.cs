using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Tijdig.Tikkie.Sandbox.Storage;

internal sealed partial class SandboxStore
{
    private const string PaymentColumns = """
        p.token, p.request_token, p.seq, p.counter_party_name, p.counter_party_account, p.amount, r.description, p.created_ticks
        """;

    /// <summary>Inserts a payment and returns it with its tikkieId, which is the row number padded to 12 digits.</summary>
    public StoredPayment AddPayment(string token, string requestToken, string name, string account, long amount, DateTimeOffset created)
    {
        lock (gate)
        {
            Execute(
                """
                INSERT INTO payments (token, request_token, counter_party_name, counter_party_account, amount, created_ticks)
                VALUES ($token, $request, $name, $account, $amount, $created)
                """,
                ("$token", token), ("$request", requestToken), ("$name", name), ("$account", account),
                ("$amount", amount), ("$created", created.UtcTicks));
            return FindPayment(requestToken, token)!;
        }
    }

    public StoredPayment? FindPayment(string requestToken, string paymentToken) => Query(
        $"SELECT {PaymentColumns} FROM payments p JOIN payment_requests r ON r.token = p.request_token WHERE p.request_token = $request AND p.token = $token",
        ReadPayment,
        ("$request", requestToken), ("$token", paymentToken)).SingleOrDefault();

    public (List<StoredPayment> Items, int Total) ListPayments(string requestToken, PageRequest page)
    {
        const string Filter = """
            WHERE p.request_token = $request
              AND ($from IS NULL OR p.created_ticks >= $from)
              AND ($to IS NULL OR p.created_ticks <= $to)
            """;
        var parameters = new (string, object?)[]
        {
            ("$request", requestToken), ("$from", page.From?.UtcTicks), ("$to", page.To?.UtcTicks),
            ("$limit", page.PageSize), ("$offset", (long)page.PageNumber * page.PageSize),
        };

        lock (gate)
        {
            var total = Convert.ToInt32(Scalar($"SELECT COUNT(*) FROM payments p {Filter}", parameters), CultureInfo.InvariantCulture);
            var items = Query(
                $"SELECT {PaymentColumns} FROM payments p JOIN payment_requests r ON r.token = p.request_token {Filter} ORDER BY p.created_ticks DESC, p.seq DESC LIMIT $limit OFFSET $offset",
                ReadPayment,
                parameters);
            return (items, total);
        }
    }

    public void AddRefund(StoredRefund refund) => Execute(
        """
        INSERT INTO refunds (token, payment_token, amount, description, reference_id, created_ticks, status)
        VALUES ($token, $payment, $amount, $description, $reference, $created, $status)
        """,
        ("$token", refund.Token), ("$payment", refund.PaymentToken), ("$amount", refund.AmountInCents),
        ("$description", refund.Description), ("$reference", refund.ReferenceId),
        ("$created", refund.Created.UtcTicks), ("$status", refund.Status));

    public List<StoredRefund> ListRefunds(string paymentToken) => Query(
        "SELECT token, payment_token, amount, description, reference_id, created_ticks, status FROM refunds WHERE payment_token = $payment ORDER BY created_ticks DESC, seq DESC",
        ReadRefund,
        ("$payment", paymentToken));

    public StoredRefund? FindRefund(string refundToken) => Query(
        "SELECT token, payment_token, amount, description, reference_id, created_ticks, status FROM refunds WHERE token = $token",
        ReadRefund,
        ("$token", refundToken)).SingleOrDefault();

    public void MarkRefundPaid(string refundToken) =>
        Execute("UPDATE refunds SET status = 'PAID' WHERE token = $token", ("$token", refundToken));

    private static StoredPayment ReadPayment(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2).ToString("D12", CultureInfo.InvariantCulture),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetInt64(5),
        reader.GetString(6),
        FromTicks(reader.GetInt64(7)));

    private static StoredRefund ReadRefund(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        NullableString(reader, 4),
        FromTicks(reader.GetInt64(5)),
        reader.GetString(6));
}

internal sealed partial class SandboxStore
{
    public string? FindRequestTokenOfPayment(string paymentToken) =>
        Scalar("SELECT request_token FROM payments WHERE token = $token", ("$token", paymentToken)) as string;
}
