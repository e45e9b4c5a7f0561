using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>
/// The stand-alone sandbox as a child process on loopback, so that its CPU time is measured apart
/// from Tijdig's. The sandbox's assembly is copied next to the benchmark by the project reference.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri ApiBaseAddress => new(BaseAddress, "v2/tikkie/");

    public int ProcessId => process.Id;

    public static async Task<SandboxProcess> StartAsync(string apiKey, string appToken, CancellationToken ct)
    {
        var port = FreePort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tijdig.Tikkie.Sandbox.dll"));
        foreach (var argument in new[]
        {
            "--urls", baseAddress.AbsoluteUri.TrimEnd('/'),
            "--Logging:LogLevel:Default=Warning",
            "--TikkieSandbox:Apps:0:ApiKey=" + apiKey,
            "--TikkieSandbox:Apps:0:AppToken=" + appToken,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("sandbox: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("tikkie-sandbox/control/faults", ct);
                if (response.IsSuccessStatusCode)
                {
                    return new SandboxProcess(process, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        process.Kill();
        throw new InvalidOperationException("The sandbox process did not respond within 10 seconds; check that its port is free and that it was built.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
