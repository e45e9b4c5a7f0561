using System.Security.Cryptography;

namespace Tijdig.Banking;

/// <summary>
/// A bank file that can be read more than once, with its SHA-256. A seekable stream (a file) is
/// hashed in one pass and used as it is. Any other stream (an upload, a pipe) is copied to a
/// temporary file while it is hashed, never to memory. Disposing deletes that file.
/// </summary>
public sealed class ImportInput : IAsyncDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _owned;

    private ImportInput(Stream stream, bool owned, string sha256)
    {
        _stream = stream;
        _owned = owned;
        Sha256 = sha256;
    }

    /// <summary>Upper-case hex SHA-256 of the file's bytes: the identity that makes re-importing a file a no-op.</summary>
    public string Sha256 { get; }

    public static async Task<ImportInput> OpenAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            content.Position = 0;
            var hash = await SHA256.HashDataAsync(content, ct);
            return new ImportInput(content, owned: false, Convert.ToHexString(hash));
        }

        var path = Path.Combine(Path.GetTempPath(), "tijdig-import-" + Guid.NewGuid().ToString("N") + ".tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await spool.FlushAsync(ct);
            return new ImportInput(spool, owned: true, Convert.ToHexString(sha.GetHashAndReset()));
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rewinds the file to its first byte for the next pass.</summary>
    public Stream Rewind()
    {
        _stream.Position = 0;
        return _stream;
    }

    public ValueTask DisposeAsync() => _owned ? _stream.DisposeAsync() : ValueTask.CompletedTask;
}
