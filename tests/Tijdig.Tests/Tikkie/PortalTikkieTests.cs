using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tijdig.Domain.Messaging;

namespace Tijdig.Tests.Tikkie;

/// <summary>The portal's Tikkie forms over HTTP: neutral answers, the number on file, open Tikkies and rate limits.</summary>
public sealed partial class PortalTikkieTests
{
    private const string NeutralBalance = "Als dit debiteurnummer bij ons bekend is, sturen we een betaalverzoek naar het mobiele nummer dat bij ons bekend is.";

    private static readonly DateOnly Today = TikkieWebApp.Today;

    [Fact]
    public async Task BalanceRequest_SendsExactBalanceBySms()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m), ("F-2", Today.AddDays(-2), 25.5m));

        var known = await PostAsync(tikkie, "Balance", "D1");
        var unknown = await PostAsync(tikkie, "Balance", "D999");
        var message = await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.Outbox.AsNoTracking().FirstOrDefaultAsync()),
            m => m?.Status == MessageStatus.Sent);

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(Answer(known.Html), Answer(unknown.Html));
        Assert.Equal(NeutralBalance, Answer(known.Html));
        Assert.NotNull(message);
        Assert.Equal(MessageChannel.Sms, message.Channel);
        Assert.Equal(12_550, message.AmountCents);
        Assert.Contains("/tikkie-sandbox/pay/", message.Body, StringComparison.Ordinal);
        var request = await tikkie.App.QueryAsync(db => db.PaymentRequests.SingleAsync());
        Assert.Equal(12_550, request.AmountCents);
        var atTikkie = await tikkie.Client.GetPaymentRequestAsync(request.Token!, CancellationToken.None);
        Assert.Equal(12_550, atTikkie.AmountInCents);
        Assert.Equal(Today.AddDays(7), atTikkie.ExpiryDate);
    }

    [Fact]
    public async Task OpenTikkie_HasNoAmountAndTracesToDebtor()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-NEW", Today.AddDays(-2), 50m), ("F-OLD", Today.AddDays(-30), 100m));

        var answer = await PostAsync(tikkie, "OpenTikkie", "D1");
        var record = await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.PaymentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Token != null)),
            r => r is not null);
        var atTikkie = await tikkie.Client.GetPaymentRequestAsync(record!.Token!, CancellationToken.None);
        await tikkie.PayAsync(record.Token!, 12_000);
        var oldest = await TikkieWebApp.WaitForAsync(() => tikkie.OpenCentsAsync("F-OLD"), cents => cents == 0);

        Assert.Contains("sturen we een open Tikkie naar het mobiele nummer", Answer(answer.Html), StringComparison.Ordinal);
        Assert.Null(atTikkie.AmountInCents);
        Assert.Equal("TJ-20260302-OT-D1", atTikkie.ReferenceId);
        Assert.Equal(0, oldest);
        Assert.Equal(3_000, await tikkie.OpenCentsAsync("F-NEW"));
    }

    [Fact]
    public async Task TypedPhoneNumber_IsIgnored()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));

        await PostAsync(tikkie, "Balance", "D1", ("Balance.Mobile", "+31699999999"), ("Mobile", "+31699999999"));
        await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == MessageStatus.Sent)),
            count => count == 1);

        var sms = Directory.GetFiles(Path.Combine(tikkie.App.DataDirectory, "outbox"), "*", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToList();
        Assert.NotEmpty(sms);
        Assert.DoesNotContain(sms, text => text.Contains("699999999", StringComparison.Ordinal));
        Assert.Contains(sms, text => text.Contains("612345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameDebtorTwice_SendsOneTikkie()
    {
        await using var tikkie = await TikkieWebApp.StartAsync();
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));

        await PostAsync(tikkie, "Balance", "D1");
        var second = await PostAsync(tikkie, "Balance", "D1");
        await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == MessageStatus.Sent)),
            count => count == 1);
        await Task.Delay(500);

        Assert.Equal(NeutralBalance, Answer(second.Html));
        Assert.Equal(1, await tikkie.App.QueryAsync(db => db.PaymentRequests.CountAsync()));
        Assert.Equal(1, await tikkie.App.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task ManyRequestsFromOneIp_AreLimited()
    {
        await using var tikkie = await TikkieWebApp.StartAsync(new Dictionary<string, string?> { ["Portal:Tikkie:IpPermitsPerWindow"] = "3" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await PostAsync(tikkie, "Balance", "X" + i)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
    }

    [Fact]
    public async Task ManyRequestsForOneDebtor_SendNothingMore()
    {
        await using var tikkie = await TikkieWebApp.StartAsync(new Dictionary<string, string?> { ["Portal:Tikkie:DebtorPermitsPerDay"] = "1" });
        await tikkie.SeedDebtorAsync("D1", ("F-1", Today.AddDays(-30), 100m));

        var first = await PostAsync(tikkie, "Balance", "D1");
        var limited = await PostAsync(tikkie, "OpenTikkie", "D1");
        await TikkieWebApp.WaitForAsync(
            () => tikkie.App.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == MessageStatus.Sent)),
            count => count == 1);
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, limited.Status);
        Assert.Contains("sturen we een open Tikkie", Answer(limited.Html), StringComparison.Ordinal);
        Assert.Equal(1, await tikkie.App.QueryAsync(db => db.PaymentRequests.CountAsync()));
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostAsync(TikkieWebApp tikkie, string handler, string debtorNumber, params (string Key, string Value)[] extra)
    {
        var page = await tikkie.Http.GetStringAsync(new Uri("", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            [(handler == "Balance" ? "Balance" : "OpenTikkie") + ".DebtorNumber"] = debtorNumber,
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        };
        foreach (var (key, value) in extra)
        {
            fields[key] = value;
        }

        using var form = new FormUrlEncodedContent(fields);
        using var response = await tikkie.Http.PostAsync(new Uri("?handler=" + handler, UriKind.Relative), form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Answer(string html) => ConfirmationText().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<p class=\"confirmation\">([^<]*)</p>")]
    private static partial Regex ConfirmationText();
}
