using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Tijdig.Messaging.Templates;

/// <summary>
/// Makes the HTML body from a rendered plain text: blank lines separate paragraphs, a paragraph whose
/// lines all start with "- " becomes a list, and every http(s) URL becomes a link. All text is HTML-encoded.
/// </summary>
internal static partial class HtmlLayout
{
    public static string FromText(string subject, string text, string language)
    {
        StringBuilder html = new();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 600px; margin: 0 auto; padding: 16px;\">\n");

        foreach (string paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string[] lines = paragraph.Split('\n');
            if (lines.All(line => line.StartsWith("- ", StringComparison.Ordinal)))
            {
                html.Append("<ul>\n");
                foreach (string line in lines)
                {
                    html.Append("<li>").Append(Inline(line[2..])).Append("</li>\n");
                }

                html.Append("</ul>\n");
                continue;
            }

            html.Append("<p>").Append(string.Join("<br>\n", lines.Select(Inline))).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Inline(string line)
    {
        StringBuilder html = new();
        int position = 0;
        foreach (Match match in Url().Matches(line))
        {
            html.Append(WebUtility.HtmlEncode(line[position..match.Index]));
            string url = WebUtility.HtmlEncode(match.Value);
            html.Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
            position = match.Index + match.Length;
        }

        return html.Append(WebUtility.HtmlEncode(line[position..])).ToString();
    }

    // A sentence may end right after a URL, so trailing punctuation is not part of it.
    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)]")]
    private static partial Regex Url();
}
