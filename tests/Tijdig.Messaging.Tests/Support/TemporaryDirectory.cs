namespace Tijdig.Messaging.Tests.Support;

public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("tijdig-messaging-").FullName;

    public void Dispose() => Directory.Delete(this.Path, recursive: true);
}
