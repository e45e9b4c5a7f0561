using System.Net;

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
/// Keeps the back office (names, balances, bookings) and the read API off the network parents
/// use. There is no login yet, so until there is one, only the machine itself and the configured
/// networks get a response; everyone else gets 403. Behind a reverse proxy the proxy's address is
/// what counts here.
/// </summary>
// TODO(web): replace with real sign-in and roles for the credit team.
public static class BackOfficeAccess
{
    private static readonly string[] ProtectedPrefixes = ["/beheer", "/api/v1/report", "/api/v1/messages"];

    public static WebApplication UseBackOfficeAccess(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("BackOffice").Get<BackOfficeAccessSettings>() ?? new BackOfficeAccessSettings();
        var networks = settings.AllowedNetworks.Select(IPNetwork.Parse).ToList();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BackOfficeAccess));

        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!ProtectedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            if (IsAllowed(context.Connection.RemoteIpAddress, networks))
            {
                await next(context);
                return;
            }

            logger.LogWarning("Refused a back-office request from outside the allowed networks");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("De backoffice is alleen bereikbaar vanaf toegestane netwerken (instelling BackOffice:AllowedNetworks).");
        });

        return app;
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
