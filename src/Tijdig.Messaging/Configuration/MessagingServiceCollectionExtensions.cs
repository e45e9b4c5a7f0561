using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;

namespace Tijdig.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISmsGateway"/>, <see cref="IEmailSender"/>, <see cref="ITemplateRenderer"/> and
    /// <see cref="MessagingOptions"/> from <paramref name="section"/>. Mode <c>Local</c> (the default)
    /// registers the file outbox in <c>OutboxDirectory</c>, or in <paramref name="defaultOutboxDirectory"/>
    /// when that is empty; mode <c>Live</c> registers <see cref="CmSmsGateway"/> and <see cref="SmtpEmailSender"/>.
    /// Throws <see cref="InvalidOperationException"/> for an unknown mode or incomplete Live settings.
    /// </summary>
    public static IServiceCollection AddTijdigMessaging(this IServiceCollection services, IConfiguration section, string defaultOutboxDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultOutboxDirectory);

        MessagingOptions options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        if (string.IsNullOrWhiteSpace(options.OutboxDirectory))
        {
            options.OutboxDirectory = defaultOutboxDirectory;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton<ITemplateRenderer>(_ => new MessageTemplates(options.TemplateDirectory));

        if (string.Equals(options.Mode, MessagingOptions.LocalMode, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ISmsGateway>(provider => new FileSmsGateway(
                options.OutboxDirectory,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<FileSmsGateway>>()));
            services.AddSingleton<IEmailSender>(provider => new FileEmailSender(
                options.OutboxDirectory,
                options.Smtp,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<FileEmailSender>>()));
            return services;
        }

        if (!string.Equals(options.Mode, MessagingOptions.LiveMode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Messaging:Mode '{options.Mode}' is invalid: use Local or Live.");
        }

        string? invalid = SmtpEmailSender.ValidateOptions(options.Smtp) ?? CmSmsGateway.ValidateOptions(options.Sms);
        if (invalid is not null)
        {
            throw new InvalidOperationException($"Messaging settings are incomplete for Live mode. {invalid}");
        }

        // A typed client, so the factory rotates the HTTP handler and DNS changes are picked up.
        services.AddSingleton(options.Sms);
        services.AddHttpClient<ISmsGateway, CmSmsGateway>();
        services.AddSingleton<IEmailSender>(provider => new SmtpEmailSender(
            options.Smtp,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SmtpEmailSender>>()));
        return services;
    }
}
