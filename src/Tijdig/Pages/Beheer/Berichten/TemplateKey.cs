using Tijdig.Messaging.Templates;

namespace Tijdig.Pages.Beheer.Berichten;

/// <summary>One template slot: a dunning step, a channel and a language, as the pages pass it in the query string.</summary>
public sealed record TemplateKey(string Step, MessageChannel Channel, string Language)
{
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en"];

    public static IReadOnlyList<MessageChannel> Channels { get; } = [MessageChannel.Sms, MessageChannel.Email, MessageChannel.Letter];

    /// <summary>Every slot, in the order the list shows them: per step, then channel, then language.</summary>
    public static IEnumerable<TemplateKey> All() =>
        from step in MessageSteps.All
        from channel in Channels
        from language in Languages
        select new TemplateKey(step, channel, language);

    /// <summary>Returns the key for the query values, or null when one of them names no template.</summary>
    public static TemplateKey? Parse(string? step, string? channel, string? language)
    {
        if (step is null || !MessageSteps.All.Contains(step))
        {
            return null;
        }

        // Only the names: Enum.TryParse would also take numbers such as "7".
        var parsed = Channels.Where(c => string.Equals(c.ToString(), channel, StringComparison.OrdinalIgnoreCase)).Cast<MessageChannel?>().FirstOrDefault();
        if (parsed is null)
        {
            return null;
        }

        if (language is null || !Languages.Contains(language))
        {
            return null;
        }

        return new TemplateKey(step, parsed.Value, language);
    }

    /// <summary>The channel as the query string and the texts spell it: sms, email or letter.</summary>
    public string ChannelCode => Channel.ToString().ToLowerInvariant();

    /// <summary>The key of the channel's label in the texts, such as <c>Channel_Sms</c>.</summary>
    public string ChannelLabelKey => "Channel_" + Channel;
}
