using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>
/// Malformed, hostile and oversized values sent to every query parameter of every page and endpoint, read from the
/// app itself (the pages' [SupplyParameterFromQuery] properties and the endpoints' bound parameters), as a visitor
/// and as an attorney, and to the sign-in form: each answer is a page, a 4xx or a validation message, never a 5xx.
/// </summary>
public abstract class BadInputTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private static readonly string[] HostileValues =
    [
        "",
        " ",
        new string('x', 8_000),
        "'; DROP TABLE \"Documents\"; --",
        "\"unbalanced",
        "NEAR( AND OR NOT * ^ :",
        "-",
        "a\0b",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "9999-99-99",
        "-1",
        "2147483648",
        "00000000-0000-0000-0000-000000000000",
        "not-a-guid",
        "😀 ünïcödé \u202e",
        "%",
    ];

    [Fact]
    public async Task No_hostile_query_value_on_any_page_or_endpoint_makes_the_server_fail()
    {
        using var visitor = fixture.NewClient();
        using var attorney = fixture.NewClient();
        await AppFixture.SignInAsync(attorney, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);

        var targets = QueryTargets().ToList();
        Assert.Contains(targets, t => t.Path == "/search" && t.Parameters.Contains("q"));
        Assert.Contains(targets, t => t.Path == "/api/v1/deadline-calculator" && t.Parameters.Contains("received"));

        var failures = new List<string>();
        foreach (var (path, parameters) in targets)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in HostileValues)
                {
                    var address = $"{path}?{parameter}={Uri.EscapeDataString(value)}";
                    foreach (var client in new[] { visitor, attorney })
                    {
                        var response = await client.GetAsync(address);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{(int)response.StatusCode} for {address[..Math.Min(address.Length, 120)]}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/requests")]
    public async Task A_post_to_a_page_that_is_not_a_form_is_refused_as_such_not_a_failure(string page)
    {
        using var client = fixture.NewClient();
        var response = await client.PostAsync(page, null);
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("accepts only its own forms", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var json = await client.PostAsync(page, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_answers_oversized_and_malformed_values_with_a_message_not_a_failure()
    {
        using var client = fixture.NewClient();
        foreach (var (email, password) in new[] { (new string('a', 100_000) + "@x.org", "x"), ("not an e-mail", ""), ("a\0b@x.org", "a\0b"), ("", new string('p', 100_000)) })
        {
            var response = await AppFixture.SignInAsync(client, email, password);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                continue; // refused outright (a NUL character in a form field), which is a clear 4xx
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.True(page.Contains("validation-message", StringComparison.Ordinal) || page.Contains("login-error", StringComparison.Ordinal), page[..200]);
        }
    }

    // Each GET route with the query parameters it reads; route parameters get a value that reaches the page.
    private IEnumerable<(string Path, IReadOnlyList<string> Parameters)> QueryTargets()
    {
        foreach (var endpoint in AppRoutes.Of(fixture))
        {
            var pattern = endpoint.RoutePattern.RawText!;
            if (pattern.Contains("**", StringComparison.Ordinal) || pattern.StartsWith("/_", StringComparison.Ordinal) || pattern.Contains("logout", StringComparison.Ordinal))
            {
                continue;
            }

            var parameters = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component
                ? component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                    .Where(p => p.Query is not null)
                    .Select(p => p.Query!.Name ?? p.Property.Name)
                    .ToList()
                : endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
                    .Where(p => p.ParameterInfo.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) is not null)
                    .Select(p => p.Name)
                    .ToList();
            if (parameters.Count > 0)
            {
                yield return (AppRoutes.Fill(pattern, AppRoutes.Harmless), parameters);
            }
        }
    }
}

public sealed class PostgresBadInputTests(PostgresAppFixture fixture) : BadInputTests<PostgresAppFixture>(fixture);

public sealed class SqliteBadInputTests(SqliteAppFixture fixture) : BadInputTests<SqliteAppFixture>(fixture);
