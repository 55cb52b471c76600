using Microsoft.AspNetCore.Diagnostics;

namespace PraTracker.Web.Endpoints;

/// <summary>Answers that must stay bare: no app page re-executed into their body, so they reveal nothing.</summary>
public static class BareStatusCodes
{
    /// <summary>Turns the app's status-code page off for this response.</summary>
    public static void SkipStatusCodePage(this HttpContext context) => context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
}
