using Microsoft.Extensions.Options;
using Tijdig.Hosting;
using Tijdig.Letters;

namespace Tijdig.Outbox;

/// <summary>Registers the outbox: dispatcher, reconciler, delivery reports, templates, letters and links.</summary>
public static class OutboxServices
{
    public static IServiceCollection AddTijdigOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxSettings>(configuration.GetSection("Outbox"));
        services.Configure<LetterSettings>(configuration.GetSection("Letters"));
        services.AddSingleton(provider => ArrangementLinkKey.Create(
            provider.GetRequiredService<IOptions<OutboxSettings>>(),
            provider.GetRequiredService<DataDirectory>()));

        services.AddScoped<OutboxDispatcher>();
        services.AddSingleton<ParallelOutboxDispatcher>();
        services.AddScoped<OutboxReconciler>();
        services.AddScoped<DeliveryStatus>();
        services.AddScoped<DeliveryReportIntake>();
        services.AddScoped<MessageRetention>();
        services.AddScoped<MessageComposer>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<LetterWriter>();
        services.AddScoped<ExportLetters>();
        return services;
    }
}
