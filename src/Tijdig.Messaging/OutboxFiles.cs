namespace Tijdig.Messaging;

/// <summary>Writes outbox files so that each client reference results in at most one file.</summary>
internal static class OutboxFiles
{
    /// <summary>
    /// Writes a file at <paramref name="path"/> unless it already exists. Returns false when it existed.
    /// The content goes to a temporary file first and is then moved into place without overwriting, so a
    /// reader never sees a half-written file and two concurrent writers produce one file.
    /// </summary>
    public static async Task<bool> WriteOnceAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        if (File.Exists(path))
        {
            return false;
        }

        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

        try
        {
            await using (FileStream stream = new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await write(stream, ct);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
