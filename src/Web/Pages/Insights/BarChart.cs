using System.Globalization;

namespace Lessons.Web.Pages.Insights;

/// <summary>One bar of a chart; <see cref="Href"/> leads to the reports behind it (a filtered search).</summary>
public sealed record Bar(string Label, int Count, string? Href = null);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG, so it needs no script and prints as it shows. The label of
/// each bar sits on its own line(s) above the bar, because a phone is too narrow for label and bar side by side,
/// and SVG text does not wrap by itself. The same numbers are in the chart's data table.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, string LabelHeader, IReadOnlyList<Bar> Bars)
{
    public const int Width = 400;

    private const int LineHeight = 18;
    private const int BarHeight = 16;
    private const int Gap = 12;
    private const int ValueRoom = 44;
    private const int CharactersPerLine = 42;

    public sealed record Row(IReadOnlyList<(string Text, int Y)> Lines, int BarY, int BarWidth, int ValueX, int ValueY, Bar Bar);

    public int Total => Bars.Sum(b => b.Count);

    /// <summary>The name screen readers hear for the picture; the numbers themselves are in the table.</summary>
    public string AccessibleName => $"{UiText.Get(Title)}: " + string.Join(", ", Bars.Select(b => $"{Display.Label(b.Label)} {b.Count.ToString(CultureInfo.InvariantCulture)}"));

    public (IReadOnlyList<Row> Rows, int Height) Layout()
    {
        var max = Math.Max(1, Bars.Count == 0 ? 1 : Bars.Max(b => b.Count));
        var rows = new List<Row>();
        var y = 0;
        foreach (var bar in Bars)
        {
            var lines = Wrap(Display.Label(bar.Label)).Select((text, i) => (text, y + LineHeight * (i + 1) - 4)).ToList();
            var barY = y + LineHeight * lines.Count + 2;
            // A bar of zero keeps a hairline, so "none" is seen as a value and not as a missing row.
            var width = bar.Count == 0 ? 2 : Math.Max(4, (int)Math.Round((Width - ValueRoom) * (double)bar.Count / max));
            rows.Add(new Row(lines, barY, width, width + 6, barY + BarHeight - 3, bar));
            y = barY + BarHeight + Gap;
        }
        return (rows, Math.Max(y, 1));
    }

    public static int BarThickness => BarHeight;

    private static List<string> Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > CharactersPerLine)
            {
                lines.Add(line);
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }
}
