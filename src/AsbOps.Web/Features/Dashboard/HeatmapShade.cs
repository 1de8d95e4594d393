using System.Globalization;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The colour of a heatmap cell: the hue says the risk level (green low, amber medium, red high, grey not assessed),
/// the strength says how many there are compared with the fullest cell. Text is black or white, whichever reads better.
/// </summary>
public static class HeatmapShade
{
    public static string Hue(RiskLevel level) => level switch
    {
        RiskLevel.High => "#c62828",
        RiskLevel.Medium => "#ef6c00",
        RiskLevel.Low => "#2e7d32",
        _ => "#616161",
    };

    /// <summary>The inline style of a cell holding <paramref name="count"/> when the fullest cell holds <paramref name="max"/>.</summary>
    public static string Style(RiskLevel level, int count, int max)
    {
        var strength = count <= 0 || max <= 0 ? 0.08 : 0.3 + (0.7 * count / max);
        var (r, g, b) = Parse(Hue(level));
        var background = (Mix(r, strength), Mix(g, strength), Mix(b, strength));
        return $"background-color:{Hex(background)};color:{TextOn(background)}";
    }

    private static int Mix(int channel, double strength) => (int)Math.Round(255 - ((255 - channel) * strength));

    private static string TextOn((int R, int G, int B) background)
    {
        var luminance = Luminance(background);
        var onBlack = (luminance + 0.05) / 0.05;
        var onWhite = 1.05 / (luminance + 0.05);
        return onBlack >= onWhite ? "#000000" : "#ffffff";
    }

    private static double Luminance((int R, int G, int B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(int channel)
    {
        var s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static (int R, int G, int B) Parse(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Hex((int R, int G, int B) c) => string.Create(CultureInfo.InvariantCulture, $"#{c.R:x2}{c.G:x2}{c.B:x2}");
}
