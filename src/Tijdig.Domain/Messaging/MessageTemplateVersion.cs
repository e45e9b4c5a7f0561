namespace Tijdig.Domain.Messaging;

/// <summary>
/// One saved version of a message template. The newest version of a step, channel and language is
/// used; without any version the built-in default applies. Versions are never changed or deleted,
/// so the text behind every sent message can be traced.
/// </summary>
public sealed class MessageTemplateVersion
{
    public long Id { get; set; }

    public required string Step { get; set; }

    public MessageChannel Channel { get; set; }

    public required string Language { get; set; }

    /// <summary>1 for the first saved version, counting up per step, channel and language.</summary>
    public int Version { get; set; }

    /// <summary>The Liquid source with its <c>=== subject ===</c>, <c>=== text ===</c> and optional <c>=== html ===</c> sections.</summary>
    public required string Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
