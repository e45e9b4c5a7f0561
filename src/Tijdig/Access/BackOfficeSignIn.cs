using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Tijdig.Domain.Access;
using Tijdig.Hosting;

namespace Tijdig.Access;

/// <summary>
/// Cookie sign-in for the credit team. Once the first user exists, every back-office page and the
/// read API need a signed-in session; before that, the network guard alone decides (see
/// <see cref="Web.BackOfficeAccess"/>), so a fresh demo opens without a password on the machine itself.
/// </summary>
public static class BackOfficeSignIn
{
    public const string Scheme = "Beheer";

    public const string SignInPath = "/beheer/inloggen";

    public const string SignOutPath = "/beheer/uitloggen";

    public const string ReturnUrlParameter = "terug";

    /// <summary>The name written in audit trails for actions taken before any user exists.</summary>
    public const string AnonymousActor = "beheer";

    private const string StampClaim = "tijdig:stamp";

    private const string UserNameClaim = "tijdig:user";

    public static IServiceCollection AddBackOfficeSignIn(this IServiceCollection services, DataDirectory dataDirectory)
    {
        services.AddScoped<BackOfficeUsers>();

        // Without persisted keys every restart would sign everyone out and void open forms.
        services.AddDataProtection()
            .SetApplicationName("Tijdig")
            .PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.KeysPath));

        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "tijdig-beheer";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.AccessDeniedPath = SignInPath;
            options.ReturnUrlParameter = ReturnUrlParameter;
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
        });

        return services;
    }

    public static ClaimsPrincipal CreatePrincipal(BackOfficeUser user)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.DisplayName),
            new(UserNameClaim, user.UserName),
            new(StampClaim, user.SecurityStamp),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    /// <summary>Who did it, for audit trails: the signed-in user's name, or "beheer" when no user is signed in.</summary>
    public static string ActorName(ClaimsPrincipal? principal) =>
        principal?.Identity is { IsAuthenticated: true } && principal.FindFirst(UserNameClaim)?.Value is { } userName
            ? userName
            : AnonymousActor;

    /// <summary>The id of the signed-in user, or null for an anonymous request.</summary>
    public static long? UserId(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Ends a session whose user was removed or whose password changed after it signed in.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var stamp = principal?.FindFirst(StampClaim)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<BackOfficeUsers>();

        var user = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) && stamp is not null
            ? await users.FindSessionUserAsync(userId, stamp, context.HttpContext.RequestAborted)
            : null;
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
