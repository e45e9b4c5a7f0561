using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Tijdig.Tikkie;

/// <summary>Registration of <see cref="TikkieClient"/>.</summary>
public static class TikkieServiceCollectionExtensions
{
    /// <summary>Name of the resilience pipeline on the typed HttpClient.</summary>
    public const string PipelineName = "tikkie";

    /// <summary>
    /// Registers <see cref="TikkieClient"/> as a typed HttpClient with options bound from <paramref name="section"/>.
    /// GET calls are retried on 5xx, 408, 429, network errors and attempt timeouts, honouring <c>Retry-After</c>.
    /// POST and DELETE are never retried: Tikkie has no idempotency key, so a retried create could leave
    /// a second payable link that the API cannot delete.
    /// </summary>
    public static IServiceCollection AddTikkieClient(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<TikkieOptions>()
            .Bind(section)
            .Validate(options => Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _), "Tikkie BaseUrl must be an absolute URL.")
            .Validate(options => !string.IsNullOrWhiteSpace(options.ApiKey), "Tikkie ApiKey is required.");
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<TikkieClient>((provider, http) =>
            {
                var baseUrl = provider.GetRequiredService<IOptions<TikkieOptions>>().Value.BaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // The resilience pipeline owns the timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler(PipelineName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TikkieOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                pipeline.AddRetry(CreateRetryOptions(options));
                pipeline.AddTimeout(options.AttemptTimeout);
            });

        return services;
    }

    private static HttpRetryStrategyOptions CreateRetryOptions(TikkieOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        };

        // Only GET, HEAD, OPTIONS and TRACE stay retryable.
        retry.DisableForUnsafeHttpMethods();
        return retry;
    }
}
