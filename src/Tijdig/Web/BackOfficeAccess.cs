using System.Net;
using Microsoft.AspNetCore.Authentication;
using Tijdig.Access;

namespace Tijdig.Web;

/// <summary>Which networks may reach the back office and the read API (section "BackOffice").</summary>
public sealed class BackOfficeAccessSettings
{
    /// <summary>
    /// Networks in CIDR notation, such as "10.0.0.0/8", besides the machine itself. Empty means the
    /// back office responds only on loopback.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}

/// <summary>
/// Guards the back office (names, balances, bookings) and the read API twice. First the network:
/// only the machine itself and the configured networks get a response, everyone else gets 403
/// (behind a reverse proxy the proxy's address is what counts). Then the person: once a
/// back-office user exists, a request without a signed-in session is sent to the sign-in page, or
/// gets 401 on the API.
/// </summary>
public static class BackOfficeAccess
{
    private static readonly string[] ProtectedPrefixes = ["/beheer", "/api/v1/report", "/api/v1/messages"];

    public static WebApplication UseBackOfficeAccess(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("BackOffice").Get<BackOfficeAccessSettings>() ?? new BackOfficeAccessSettings();
        var networks = settings.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BackOfficeAccess));

        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!ProtectedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            if (!IsAllowed(context.Connection.RemoteIpAddress, networks))
            {
                await RejectOutsideNetworkAsync(context, logger);
                return;
            }

            if (await MaySkipSignInAsync(context))
            {
                await next(context);
                return;
            }

            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Log eerst in op de backoffice ({BackOfficeSignIn.SignInPath}).");
                return;
            }

            await context.ChallengeAsync(BackOfficeSignIn.Scheme);
        });

        return app;
    }

    /// <summary>The sign-in page itself, a signed-in session, and a back office without users need no sign-in.</summary>
    private static async Task<bool> MaySkipSignInAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(BackOfficeSignIn.SignInPath, StringComparison.OrdinalIgnoreCase)
            || context.User.Identity?.IsAuthenticated == true)
        {
            return true;
        }

        var users = context.RequestServices.GetRequiredService<BackOfficeUsers>();
        return !await users.AnyAsync(context.RequestAborted);
    }

    private static async Task RejectOutsideNetworkAsync(HttpContext context, ILogger logger)
    {
        logger.LogWarning("Refused a back-office request from outside the allowed networks");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("De backoffice is alleen bereikbaar vanaf toegestane netwerken (instelling BackOffice:AllowedNetworks).");
    }

    /// <summary>True for the machine itself and for addresses inside one of <paramref name="networks"/>.</summary>
    public static bool IsAllowed(IPAddress? remote, IReadOnlyList<IPNetwork> networks)
    {
        if (remote is null)
        {
            return false;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}
