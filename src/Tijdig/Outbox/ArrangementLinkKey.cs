using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Tijdig.Hosting;
using Tijdig.Messaging.Links;

namespace Tijdig.Outbox;

/// <summary>
/// Builds the <see cref="ArrangementLinks"/> signer from Outbox:ArrangementLinkKey, or from a random key
/// created once in the data directory, so links stay valid across restarts of one installation.
/// </summary>
public static class ArrangementLinkKey
{
    public const string FileName = "arrangement-links.key";

    public static ArrangementLinks Create(IOptions<OutboxSettings> settings, DataDirectory dataDirectory)
    {
        var configured = settings.Value.ArrangementLinkKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new ArrangementLinks(Convert.FromBase64String(configured));
        }

        var path = Path.Combine(dataDirectory.Path, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory.Path);
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Select(c => (byte)c).ToArray());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use that key.
            }
        }

        return new ArrangementLinks(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
