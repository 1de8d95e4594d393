using MudBlazor;

namespace AsbOps.Web.Components.Layout;

/// <summary>The AsbOps palette: police blue, with risk colours that keep their meaning in dark mode.</summary>
public static class AsbOpsTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d3f8f",
            // Dark enough for white text (WCAG AA 4.5:1) on chips and buttons.
            Secondary = "#00796b",
            AppbarBackground = "#14306e",
            Error = "#c62828",
            Warning = "#b45309",
            Info = "#1565c0",
            TextSecondary = "rgba(0,0,0,0.7)",
            Success = "#2e7d32",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fa6ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#101a33",
            Error = "#ef5350",
            Warning = "#ffa726",
            Success = "#66bb6a",
        },
    };
}
