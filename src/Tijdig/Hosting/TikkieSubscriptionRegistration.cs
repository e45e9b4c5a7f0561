using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Payments;
using Tijdig.Tikkie;

namespace Tijdig.Hosting;

/// <summary>
/// Subscribes Tijdig's notification endpoint at Tikkie once the web server listens. Tikkie keeps
/// one subscription per app token, so a second installation that registers with the same token
/// silently takes the notifications over. A warning in the log repeats this at every start.
/// </summary>
public sealed class TikkieSubscriptionRegistration(
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<OrganisationSettings> organisation,
    ILogger<TikkieSubscriptionRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = RegisterAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)];

    /// <summary>
    /// Subscribes, retrying a few times: without a subscription no notification arrives, and a
    /// subscribe call only replaces the URL, so repeating it is safe (unlike creating a request).
    /// </summary>
    private async Task RegisterAsync(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SubscribeOnceAsync(ct);
                return;
            }
            catch (Exception exception) when (!ct.IsCancellationRequested)
            {
                if (attempt >= RetryDelays.Length)
                {
                    logger.LogError(exception, "Registering the Tikkie notification subscription failed after {Attempts} attempts; payments are still found by polling", attempt + 1);
                    return;
                }

                logger.LogWarning(exception, "Registering the Tikkie notification subscription failed, attempt {Attempt}; retrying in {Delay}", attempt + 1, RetryDelays[attempt]);
                await Task.Delay(RetryDelays[attempt], ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SubscribeOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tikkie = scope.ServiceProvider.GetRequiredService<TikkieClient>();
        var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
        var url = new Uri(organisation.Value.PublicUrl.TrimEnd('/') + "/api/v1/tikkie/notifications");

        var subscriptionId = await tikkie.SubscribeAsync(url, ct);
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == TikkiePaymentIntake.SubscriptionSettingKey, ct);
        if (setting is null)
        {
            db.Settings.Add(new AppSetting { Key = TikkiePaymentIntake.SubscriptionSettingKey, Value = subscriptionId });
        }
        else
        {
            setting.Value = subscriptionId;
        }

        await db.SaveChangesAsync(ct);
        logger.LogWarning("Registered the Tikkie notification subscription; this replaces any earlier subscription made with the same app token");
    }
}
