using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Tikkie.Sandbox.Api;
using Tijdig.Tikkie.Sandbox.Control;
using Tijdig.Tikkie.Sandbox.Notifications;
using Tijdig.Tikkie.Sandbox.PaymentPage;
using Tijdig.Tikkie.Sandbox.Payments;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox;

/// <summary>Hosting of the sandbox inside any ASP.NET Core app.</summary>
public static class TikkieSandboxExtensions
{
    /// <summary>Timeout of one notification delivery attempt.</summary>
    public static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Registers the sandbox services and its background notification sender.</summary>
    public static IServiceCollection AddTikkieSandbox(this IServiceCollection services, Action<SandboxOptions>? configure)
    {
        services.AddOptions<SandboxOptions>().Configure(options => configure?.Invoke(options));

        services.AddSingleton<SandboxStore>();
        services.AddSingleton<SandboxClock>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<SandboxPayments>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<NotificationDispatcher>());
        services.AddHttpClient(NotificationDispatcher.HttpClientName, http => http.Timeout = NotificationTimeout);

        return services;
    }

    /// <summary>
    /// Maps the Tikkie API under <c>/v2/tikkie</c>, the payment page under <c>/tikkie-sandbox/pay</c>
    /// and the control endpoints under <c>/tikkie-sandbox/control</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapTikkieSandbox(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/v2/tikkie").AddEndpointFilter(SandboxApi.GatewayFilter).DisableAntiforgery();
        SubscriptionEndpoints.MapSandboxApps(api);

        var withAppToken = api.MapGroup("").AddEndpointFilter(SandboxApi.AppTokenFilter);
        PaymentRequestEndpoints.Map(withAppToken);
        PaymentEndpoints.Map(withAppToken);
        SubscriptionEndpoints.Map(withAppToken);

        PaymentPageEndpoints.Map(endpoints);
        ControlEndpoints.Map(endpoints);
        return endpoints;
    }
}
