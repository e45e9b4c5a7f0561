using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

/// <summary>The percentage fault switch on payment request creates: seeded, create-only, before or after storing.</summary>
public sealed class FailPercentTests
{
    private const int Creates = 60;

    [Fact]
    public async Task SameSeed_FailsSameCreates()
    {
        var first = await CreateOutcomesAsync(new { failPercent = 25, failSeed = 42 });
        var second = await CreateOutcomesAsync(new { failPercent = 25, failSeed = 42 });
        var otherSeed = await CreateOutcomesAsync(new { failPercent = 25, failSeed = 43 });

        Assert.Equal(first.Failed, second.Failed);
        Assert.NotEqual(first.Failed, otherSeed.Failed);
        Assert.InRange(first.Failed.Count, 1, Creates - 1);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, Creates)]
    public async Task FailedCreate_StoresOnlyAfterCreate(bool failAfterCreate, int expectedStored)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SetFaultsAsync(new { failPercent = 100, failSeed = 1, failAfterCreate });

        for (var i = 0; i < Creates; i++)
        {
            var (response, json) = await CreateAsync(sandbox, i);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("INTERNAL_SERVER_ERROR", json!.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        }

        // The list call is not a create, so it succeeds with failPercent at 100.
        var (list, body) = await sandbox.ApiAsync(HttpMethod.Get, "paymentrequests?pageNumber=0&pageSize=1");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(expectedStored, body!.RootElement.GetProperty("totalElementCount").GetInt32());

        var state = await sandbox.Raw.GetFromJsonAsync<JsonElement>("tikkie-sandbox/control/faults");
        Assert.Equal(Creates, state.GetProperty("createFailuresInjected").GetInt64());
        Assert.Equal(100, state.GetProperty("failPercent").GetInt32());
        Assert.Equal(failAfterCreate, state.GetProperty("failAfterCreate").GetBoolean());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task FailPercent_OutOfRangeIsRejected(int percent)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var response = await sandbox.Raw.PostAsJsonAsync("tikkie-sandbox/control/faults", new { failPercent = percent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var state = await sandbox.Raw.GetFromJsonAsync<JsonElement>("tikkie-sandbox/control/faults");
        Assert.Equal(0, state.GetProperty("failPercent").GetInt32());
    }

    [Fact]
    public async Task DeleteFaults_StopsFailures()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SetFaultsAsync(new { failPercent = 100, failAfterCreate = true });

        (await sandbox.Raw.DeleteAsync("tikkie-sandbox/control/faults")).EnsureSuccessStatusCode();
        var (response, _) = await CreateAsync(sandbox, 0);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var state = await sandbox.Raw.GetFromJsonAsync<JsonElement>("tikkie-sandbox/control/faults");
        Assert.Equal(0, state.GetProperty("failPercent").GetInt32());
        Assert.False(state.GetProperty("failAfterCreate").GetBoolean());
    }

    private static async Task<(List<int> Failed, int Stored)> CreateOutcomesAsync(object faults)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SetFaultsAsync(faults);

        var failed = new List<int>();
        for (var i = 0; i < Creates; i++)
        {
            var (response, _) = await CreateAsync(sandbox, i);
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                failed.Add(i);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        }

        var (_, body) = await sandbox.ApiAsync(HttpMethod.Get, "paymentrequests?pageNumber=0&pageSize=1");
        var stored = body!.RootElement.GetProperty("totalElementCount").GetInt32();
        Assert.Equal(Creates - failed.Count, stored);
        return (failed, stored);
    }

    private static Task<(HttpResponseMessage Response, JsonDocument? Body)> CreateAsync(TestSandbox sandbox, int n) =>
        sandbox.ApiAsync(HttpMethod.Post, "paymentrequests", new
        {
            description = "Factuur " + n.ToString(CultureInfo.InvariantCulture),
            amountInCents = 1250,
            referenceId = "ref-" + n.ToString(CultureInfo.InvariantCulture),
        });
}
