using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class PersistenceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SqliteFile_KeepsStateAcrossServers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tikkie-sandbox-{Guid.NewGuid():N}.db");
        try
        {
            PaymentRequest created;
            string paymentToken;
            await using (var first = await TestSandbox.StartAsync(options => options.DatabasePath = path))
            {
                created = await first.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 700, "inv_7", null), None);
                paymentToken = (await first.PayAsync(created.PaymentRequestToken)).GetProperty("paymentToken").GetString()!;
            }

            await using var second = await TestSandbox.StartAsync(options => options.DatabasePath = path);
            var client = second.Client();
            var fetched = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
            var payment = await client.GetPaymentAsync(created.PaymentRequestToken, paymentToken, None);

            Assert.NotEqual(created.Url, fetched.Url);
            Assert.Equal(created.CreatedDateTime, fetched.CreatedDateTime);
            Assert.Equal("inv_7", fetched.ReferenceId);
            Assert.Equal(PaymentRequestStatus.MaxSuccessfulPaymentsReached, fetched.Status);
            Assert.Equal(700, payment.AmountInCents);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task InMemory_StartsEmpty()
    {
        await using (var first = await TestSandbox.StartAsync())
        {
            await first.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 700, null, null), None);
        }

        await using var second = await TestSandbox.StartAsync();

        Assert.Equal(0, (await second.Client().ListPaymentRequestsAsync(0, 10, null, null, None)).TotalElementCount);
    }
}
