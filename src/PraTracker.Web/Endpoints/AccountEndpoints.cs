using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Endpoints;

/// <summary>Account actions that must run as plain HTTP requests, because they set or clear the sign-in cookie.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signing out is allowed to anyone: it only clears the caller's own cookie. The form carries an antiforgery token.
        endpoints.MapPost("/account/logout", async ([FromServices] SignInManager<PraTrackerUser> signIn, [FromForm] string? returnUrl) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous();
        return endpoints;
    }

    /// <summary>Only app-relative paths are followed after sign-in or sign-out, never another site.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
