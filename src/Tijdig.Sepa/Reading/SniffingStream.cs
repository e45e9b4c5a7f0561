namespace Tijdig.Sepa.Reading;

/// <summary>
/// A read-only pass-through stream that keeps the first bytes for format detection and records
/// whether the underlying stream reached its end, so that a parse failure can be told apart from truncation.
/// </summary>
internal sealed class SniffingStream : Stream
{
    private const int PrefixSize = 4096;

    private readonly Stream _inner;
    private readonly byte[] _prefix;
    private readonly int _prefixLength;
    private int _prefixPosition;

    public SniffingStream(Stream inner)
    {
        _inner = inner;
        _prefix = new byte[PrefixSize];

        var read = 0;
        while (read < PrefixSize)
        {
            var n = inner.Read(_prefix, read, PrefixSize - read);
            if (n == 0)
            {
                ReachedEnd = true;
                break;
            }

            read += n;
        }

        _prefixLength = read;
    }

    /// <summary>The first bytes of the stream (at most 4 KB).</summary>
    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _prefixLength);

    /// <summary>True once a read of the underlying stream returned no more bytes.</summary>
    public bool ReachedEnd { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefixLength)
        {
            var n = Math.Min(buffer.Length, _prefixLength - _prefixPosition);
            _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        if (ReachedEnd)
        {
            return 0;
        }

        var read = _inner.Read(buffer);
        if (read == 0 && buffer.Length > 0)
        {
            ReachedEnd = true;
        }

        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
