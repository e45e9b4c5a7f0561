using Microsoft.Extensions.Time.Testing;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Client;

// The client rejects these before sending; the request counter of the sandbox proves nothing went out.
public sealed class ClientValidationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<CreatePaymentRequest, string> InvalidRequests => new()
    {
        { new CreatePaymentRequest("", 100, null, null), "Description" },
        { new CreatePaymentRequest(new string('x', 36), 100, null, null), "Description" },
        { new CreatePaymentRequest("Factuur", 100, "INV#123", null), "ReferenceId" },
        { new CreatePaymentRequest("Factuur", 100, "", null), "ReferenceId" },
        { new CreatePaymentRequest("Factuur", 100, "café", null), "ReferenceId" },
        { new CreatePaymentRequest("Factuur", 0, null, null), "AmountInCents" },
        { new CreatePaymentRequest("Factuur", -1, null, null), "AmountInCents" },
        { new CreatePaymentRequest("Factuur", 50001, null, null), "AmountInCents" },
        { new CreatePaymentRequest("Factuur", 100, null, new DateOnly(2030, 1, 1)), "ExpiryDate" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Create_Invalid_ThrowsNamingValue(CreatePaymentRequest request, string parameter)
    {
        // 23:30 UTC on 1 January 2030 is already 2 January in Amsterdam, so 1 January has passed there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 23, 30, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client(clock: clock, maxAmountInCents: 50000);
        var before = await sandbox.ApiRequestCountAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreatePaymentRequestAsync(request, None));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(before, await sandbox.ApiRequestCountAsync());
    }

    [Theory]
    [InlineData("inv_1815")]
    [InlineData("a-1 (b),c/d:e?f!&'g'+h.i_`j`")]
    [InlineData("12345678901234567890123456789012345")]
    public void ReferenceId_AllowedCharacters_AreValid(string referenceId) =>
        Assert.True(TikkieValidation.IsValidReferenceId(referenceId));

    [Theory]
    [InlineData("INV#1")]
    [InlineData("a@b")]
    [InlineData("a;b")]
    [InlineData("123456789012345678901234567890123456")]
    public void ReferenceId_OtherCharacters_AreInvalid(string referenceId) =>
        Assert.False(TikkieValidation.IsValidReferenceId(referenceId));

    [Fact]
    public async Task Create_ExpiryTodayInAmsterdam_IsSent()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 23, 30, 0, TimeSpan.Zero));
        await using var sandbox = await TestSandbox.StartAsync(options => options.Clock = clock);

        var created = await sandbox.Client(clock: clock).CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, new DateOnly(2030, 1, 2)), None);

        Assert.Equal(new DateOnly(2030, 1, 2), created.ExpiryDate);
    }

    [Fact]
    public async Task Refund_Invalid_ThrowsNamingValue()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var token = "AAAAAAAAAAAAAAAAAAAAAA";
        var payment = Guid.NewGuid().ToString();

        var description = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateRefundAsync(token, payment, new CreateRefund("", 100, null), None));
        var amount = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateRefundAsync(token, payment, new CreateRefund("Terug", 0, null), None));

        Assert.Equal("Description", description.ParamName);
        Assert.Equal("AmountInCents", amount.ParamName);
    }
}
