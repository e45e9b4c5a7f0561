using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tijdig.Resources;

namespace Tijdig.Web;

/// <summary>Registers and maps the Razor Pages: the back office under /beheer and the parents' portal at /.</summary>
public static class WebSetup
{
    /// <summary>The language every visitor gets until they choose another one.</summary>
    public const string DefaultCulture = "nl-NL";

    /// <summary>Query keys that switch the language, such as <c>?taal=en</c>. The choice is kept in a cookie.</summary>
    public const string LanguageQueryKey = "taal";

    private const string CultureQueryKey = "culture";

    private static readonly CultureInfo[] SupportedCultures =
    [
        CultureInfo.GetCultureInfo("nl-NL"),
        CultureInfo.GetCultureInfo("nl"),
        CultureInfo.GetCultureInfo("en"),
    ];

    public static IServiceCollection AddTijdigWeb(this IServiceCollection services)
    {
        services.AddLocalization();

        services
            .AddRazorPages()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Texts)))
            .ConfigureApplicationPartManager(AddPagesOfThisAssembly);

        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<Texts>>(LocaliseBindingMessages);

        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;

            // The browser's Accept-Language is left out on purpose: the credit team and most
            // parents read Dutch, so Dutch stays the default until a visitor picks English.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageQueryKey, UIQueryStringKey = LanguageQueryKey },
                new QueryStringRequestCultureProvider { QueryStringKey = CultureQueryKey, UIQueryStringKey = CultureQueryKey },
                new CookieRequestCultureProvider(),
            ];
        });

        return services;
    }

    public static WebApplication UseTijdigWeb(this WebApplication app)
    {
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.Use(RememberChosenLanguage);
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Stores a language picked through the query string in the culture cookie, so the next page
    /// keeps it without the query.
    /// </summary>
    private static Task RememberChosenLanguage(HttpContext context, Func<Task> next)
    {
        var feature = context.Features.Get<IRequestCultureFeature>();
        if (feature?.Provider is QueryStringRequestCultureProvider)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                });
        }

        return next();
    }

    /// <summary>
    /// MVC finds pages in the entry assembly. When a test runner hosts the app, the entry assembly
    /// is the runner, so the pages of this assembly are added unless they are already there.
    /// </summary>
    private static void AddPagesOfThisAssembly(ApplicationPartManager manager)
    {
        var assembly = typeof(WebSetup).Assembly;
        if (manager.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == assembly))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            manager.ApplicationParts.Add(part);
        }
    }

    private static void LocaliseBindingMessages(MvcOptions options, IStringLocalizer<Texts> texts)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => texts["Validation_Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => texts["Validation_Required"]);
        messages.SetValueIsInvalidAccessor(_ => texts["Validation_Invalid"]);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => texts["Validation_Invalid"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => texts["Validation_Invalid"]);
        messages.SetValueMustBeANumberAccessor(_ => texts["Validation_Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["Validation_Number"]);
    }
}
