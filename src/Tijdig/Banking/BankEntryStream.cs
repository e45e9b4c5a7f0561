using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Tijdig.Sepa;
using Tijdig.Sepa.Model;
using Tijdig.Sepa.Reading;

namespace Tijdig.Banking;

/// <summary>One entry of a streamed statement file, with the statement it belongs to.</summary>
public sealed record StreamedEntry(BankStatementHeader Header, BankEntry Entry);

/// <summary>
/// Hands the entries of a statement file to async code in chunks. The library's reader pushes
/// entries to a callback, so it runs on its own thread and waits while two chunks are queued.
/// The file is parsed while the previous chunk is booked, and at most three chunks are in memory.
/// </summary>
public static class BankEntryStream
{
    public static async IAsyncEnumerable<IReadOnlyList<StreamedEntry>> ReadAsync(
        Stream input,
        int chunkSize,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<StreamedEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(
            () => Produce(input, chunkSize, channel.Writer, stop.Token),
            stop.Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(ct))
            {
                yield return chunk;
            }

            var read = await producer;
            if (!read.Success)
            {
                // The first pass read the same bytes without error, so this means the file changed underneath.
                throw new BankImportException($"Bankbestand is tijdens het inlezen veranderd: {read.Error}. Er is niets geboekt. Lees het opnieuw in.", read.Error?.Code);
            }
        }
        finally
        {
            // The consumer may stop early (an error while booking): release the reader thread and wait for it.
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // Expected when the consumer stopped before the end of the file.
            }
        }
    }

    private static SepaResult<BankFileSummary> Produce(Stream input, int chunkSize, ChannelWriter<List<StreamedEntry>> writer, CancellationToken ct)
    {
        var chunk = new List<StreamedEntry>(chunkSize);
        try
        {
            var read = BankFileReader.ReadEntries(input, (header, entry) =>
            {
                chunk.Add(new StreamedEntry(header, entry));
                if (chunk.Count >= chunkSize)
                {
                    Publish(writer, chunk, ct);
                    chunk = new List<StreamedEntry>(chunkSize);
                }
            });

            if (read.Success && chunk.Count > 0)
            {
                Publish(writer, chunk, ct);
            }

            return read;
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private static void Publish(ChannelWriter<List<StreamedEntry>> writer, List<StreamedEntry> chunk, CancellationToken ct)
    {
        // This thread belongs to the reader alone, so blocking it while the queue is full is the back-pressure.
        while (!writer.TryWrite(chunk))
        {
            if (!writer.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult())
            {
                throw new OperationCanceledException(ct);
            }
        }
    }
}
