using System.Text.RegularExpressions;

using MimeKit;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>The .eml files the pickup sender writes, read as a mail client would.</summary>
public static partial class MailFolder
{
    public static IReadOnlyList<MimeMessage> To(string directory, string to) =>
        !Directory.Exists(directory) ? []
        : [.. Directory.GetFiles(directory, "*.eml").Order().Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The first absolute link whose path starts with <paramref name="pathStart"/> in the newest message to <paramref name="to"/>.</summary>
    public static Uri LinkIn(string directory, string to, string pathStart)
    {
        var text = To(directory, to)[^1].TextBody ?? "";
        return Link().Matches(text).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Link();
}
