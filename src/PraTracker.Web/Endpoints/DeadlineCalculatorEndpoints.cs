using System.Globalization;
using PraTracker.Data.Deadlines;
using PraTracker.Web.Features.Deadlines;

namespace PraTracker.Web.Endpoints;

/// <summary>The public deadline calculator as JSON: GET /api/v1/deadline-calculator?law=US-CA&amp;received=2026-03-02&amp;extended=true.</summary>
public static class DeadlineCalculatorEndpoints
{
    public static IEndpointRouteBuilder MapDeadlineCalculator(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous: it reads only laws and holiday calendars, which are public.
        endpoints.MapGet("/api/v1/deadline-calculator", CalculateAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CalculateAsync(string? law, string? received, bool? extended, DeadlineCalculatorService calculator, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(received, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var receivedOn))
        {
            return Invalid("received", "Give the date the agency received the request as yyyy-MM-dd.");
        }

        if (string.IsNullOrWhiteSpace(law))
        {
            return Invalid("law", "Give a law code such as US-CA or US-FED.");
        }

        var code = law.Trim().ToUpperInvariant();
        if (await calculator.CalculateAsync(code, receivedOn, extended ?? false, ct) is not { } deadlines)
        {
            return Invalid("law", $"There is no law with the code '{law}'.");
        }

        return TypedResults.Ok(new
        {
            law = code,
            received = receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            deadlines = deadlines.Select(d => new
            {
                kind = KindName(d.Kind),
                due = d.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                explanation = d.Explanation,
            }),
        });
    }

    private static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.InitialResponse => "response",
        DeadlineKind.ExtendedResponse => "extended-response",
        _ => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()),
    };

    private static IResult Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] });
}
