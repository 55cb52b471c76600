using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PraTracker.Data.Deadlines;
using PraTracker.Web.Features.Deadlines;

namespace PraTracker.Web.Endpoints;

/// <summary>The public deadline calculator as JSON: GET /api/v1/deadline-calculator?law=US-CA&amp;received=2026-03-02&amp;extended=true.</summary>
public static class DeadlineCalculatorEndpoints
{
    /// <summary>Maps the calculator into the public API's group, whose anonymity, CORS and rate limit it shares.</summary>
    public static RouteHandlerBuilder MapDeadlineCalculator(this IEndpointRouteBuilder api) =>
        // Anonymous: it reads only laws and holiday calendars, which are public.
        api.MapGet("/deadline-calculator", CalculateAsync).AllowAnonymous()
            .WithName("CalculateDeadlines").WithSummary("Calculate response deadlines")
            .WithDescription("When an agency must answer a request under a law, counted from the day it received it, every weekend and "
                + "holiday named in the explanation; with extended=true, also the deadline after the law's extension.");

    private static async Task<Results<Ok<DeadlineCalculation>, ValidationProblem>> CalculateAsync(
        [Description("The law's code, such as US-CA (California Public Records Act) or US-FED (FOIA).")] string? law,
        [Description("The day the agency received the request, yyyy-MM-dd.")] string? received,
        [Description("true to add the deadline after the law's extension.")] bool? extended,
        DeadlineCalculatorService calculator, CancellationToken ct)
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

        return TypedResults.Ok(new DeadlineCalculation(
            code,
            receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. deadlines.Select(d => new CalculatedDeadline(KindName(d.Kind), d.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Explanation))]));
    }

    private static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.InitialResponse => "response",
        DeadlineKind.ExtendedResponse => "extended-response",
        _ => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()),
    };

    private static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] });
}

/// <summary>The deadlines of a request received on a day under a law.</summary>
public sealed record DeadlineCalculation(string Law, string Received, IReadOnlyList<CalculatedDeadline> Deadlines);

/// <summary>One calculated deadline: response or extended-response, its date, and how it was counted.</summary>
public sealed record CalculatedDeadline(string Kind, string Due, string Explanation);
