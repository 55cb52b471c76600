using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace PraTracker.Web.Security;

/// <summary>Pages take only their own forms.</summary>
public static class FormPosts
{
    /// <summary>
    /// A page's form post that is not a form (no form Content-Type) is refused with 415 before the page tries to read it,
    /// which would fail with a server error.
    /// </summary>
    public static IApplicationBuilder UseFormPostCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The header is read as it came: HasFormContentType would throw once antiforgery has refused the request, and a
        // status-code page re-executed for that refusal passes here again.
        if (HttpMethods.IsPost(context.Request.Method)
            && !IsForm(context.Request.ContentType)
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("A page accepts only its own forms (application/x-www-form-urlencoded or multipart/form-data).");
            return;
        }

        await next();
    });

    private static bool IsForm(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase));
}
