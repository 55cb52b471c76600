using System.Net;
using System.Text.Json;

namespace PraTracker.Tests;

/// <summary>The public deadline calculator's JSON endpoint, on the seeded laws.</summary>
public abstract class DeadlineCalculatorApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private readonly TFixture _fixture = fixture;

    [Fact]
    public async Task California_gives_a_determination_in_10_days_and_an_extension_of_14_more_to_anyone()
    {
        using var client = _fixture.NewClient();
        var response = await client.GetAsync("/api/v1/deadline-calculator?law=US-CA&received=2026-03-02&extended=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("US-CA", json.RootElement.GetProperty("law").GetString());
        Assert.Equal("2026-03-02", json.RootElement.GetProperty("received").GetString());
        var deadlines = json.RootElement.GetProperty("deadlines").EnumerateArray()
            .Select(d => (Kind: d.GetProperty("kind").GetString(), Due: d.GetProperty("due").GetString(), Explanation: d.GetProperty("explanation").GetString()!))
            .ToList();
        Assert.Equal([("response", "2026-03-12"), ("extended-response", "2026-03-26")], deadlines.Select(d => (d.Kind, d.Due)));
        Assert.Contains("Cal. Gov. Code § 7922.535", deadlines[0].Explanation);
        Assert.Contains("after the original due date on 2026-03-12", deadlines[1].Explanation);
    }

    [Fact]
    public async Task Without_the_extension_only_the_response_deadline_is_given()
    {
        using var client = _fixture.NewClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/deadline-calculator?law=us-fed&received=2026-11-25"));
        var only = Assert.Single(json.RootElement.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("response", only.GetProperty("kind").GetString());
        Assert.Equal("2026-12-24", only.GetProperty("due").GetString());
        Assert.Contains("Thanksgiving Day", only.GetProperty("explanation").GetString());
    }

    [Theory]
    [InlineData("law=US-ZZ&received=2026-03-02", "law")]
    [InlineData("received=2026-03-02", "law")]
    [InlineData("law=US-CA&received=02/03/2026", "received")]
    [InlineData("law=US-CA&received=2026-02-30", "received")]
    [InlineData("law=US-CA", "received")]
    public async Task Bad_input_answers_400_with_a_problem_naming_the_parameter(string query, string parameter)
    {
        using var client = _fixture.NewClient();
        var response = await client.GetAsync($"/api/v1/deadline-calculator?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem does not name '{parameter}'");
    }
}

public sealed class PostgresDeadlineCalculatorApiTests(PostgresAppFixture fixture) : DeadlineCalculatorApiTests<PostgresAppFixture>(fixture);

public sealed class SqliteDeadlineCalculatorApiTests(SqliteAppFixture fixture) : DeadlineCalculatorApiTests<SqliteAppFixture>(fixture);
