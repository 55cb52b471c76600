namespace PraTracker.Web.Security;

/// <summary>
/// Refuses an address holding a NUL character (%00) with a 400 before anything reads it: no text in the app contains
/// one, and PostgreSQL refuses it in any text value, so it could only ever turn a search or a filter into a failure.
/// </summary>
public static class NulCharacters
{
    public static IApplicationBuilder UseNulCharacterRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        // A query string only ever holds a NUL encoded as %00, so the raw text is enough: no parsing on every request.
        if (request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
            || request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The address holds a NUL character, which the app does not take.");
            return;
        }

        await next();
    });
}
