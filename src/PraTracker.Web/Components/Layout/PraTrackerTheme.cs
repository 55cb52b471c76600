using MudBlazor;

namespace PraTracker.Web.Components.Layout;

/// <summary>
/// The app's one theme. Every colour that carries text meets WCAG AA contrast (4.5:1) on white and on its own light
/// tint, which MudBlazor's defaults for success, info, warning and disabled text do not; the end-to-end
/// accessibility tests check it with axe-core.
/// </summary>
public static class PraTrackerTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#8a3b12",
            AppbarBackground = "#1f4e79",
            Background = "#f7f7f5",
            DrawerBackground = "#ffffff",
            Success = "#1e6b22",
            Info = "#0d5ca6",
            Warning = "#8f4700",
            Error = "#b3261e",
            TextDisabled = "rgba(0,0,0,0.62)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
