using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Tijdig.Messaging.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port that keeps each received
/// message. Recipients whose address starts with "reject" are refused with a 5xx reply.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;

    private TestSmtpServer(int port)
    {
        this.Port = port;
        ISmtpServerOptions options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();

        SmtpServer.ComponentModel.ServiceProvider services = new();
        services.Add(new Store(this.Received));
        services.Add(new RejectingFilter());

        this.server = new SmtpServer.SmtpServer(options, services);
        this.running = this.server.StartAsync(this.stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public static TestSmtpServer Start() => new(FreePort.Next());

    public async ValueTask DisposeAsync()
    {
        await this.stop.CancelAsync();
        try
        {
            await this.running;
        }
        catch (OperationCanceledException)
        {
            // The server ends by cancellation.
        }

        this.stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using MemoryStream stream = new(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RejectingFilter : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("reject", StringComparison.Ordinal));
    }
}
