using System.Net;
using System.Net.Sockets;

namespace Tijdig.Messaging.Tests.Support;

public static class FreePort
{
    /// <summary>Returns a loopback port that was free a moment ago.</summary>
    public static int Next()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
