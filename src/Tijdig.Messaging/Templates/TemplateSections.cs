using System.Text;

namespace Tijdig.Messaging.Templates;

/// <summary>Splits a template file into its sections, each started by a line <c>=== name ===</c>.</summary>
internal static class TemplateSections
{
    /// <summary>Returns the sections by name. A file without section lines is one section named <c>text</c>.</summary>
    public static Dictionary<string, string> Split(string source)
    {
        Dictionary<string, string> sections = new(StringComparer.Ordinal);
        string? current = null;
        StringBuilder content = new();

        foreach (string line in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("=== ", StringComparison.Ordinal) && trimmed.EndsWith(" ===", StringComparison.Ordinal) && trimmed.Length > 8)
            {
                Store(sections, current, content);
                current = trimmed[4..^4].Trim();
                content.Clear();
                continue;
            }

            content.Append(line).Append('\n');
        }

        Store(sections, current ?? "text", content);
        return sections;
    }

    private static void Store(Dictionary<string, string> sections, string? name, StringBuilder content)
    {
        if (name is not null)
        {
            sections[name] = content.ToString();
        }
    }
}
