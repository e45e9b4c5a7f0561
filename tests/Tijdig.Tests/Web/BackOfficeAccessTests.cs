using System.Net;
using Tijdig.Web;

namespace Tijdig.Tests.Web;

public sealed class BackOfficeAccessTests
{
    private static readonly IReadOnlyList<IPNetwork> Office = [IPNetwork.Parse("10.20.0.0/16")];

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.3.4", true)]
    [InlineData("::ffff:10.20.3.4", true)]
    [InlineData("10.21.3.4", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("2001:db8::1", false)]
    public void IsAllowed_LoopbackAndConfiguredNetworksOnly(string address, bool expected)
    {
        Assert.Equal(expected, BackOfficeAccess.IsAllowed(IPAddress.Parse(address), Office));
    }

    [Fact]
    public void IsAllowed_RejectsUnknownAddress()
    {
        Assert.False(BackOfficeAccess.IsAllowed(null, Office));
    }
}
