using System.ComponentModel;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using PraTracker.Data.Identity;
using PraTracker.Web.Endpoints.Api;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>
/// The public API under /api/v1 over HTTP, against the real app on each database: every route of it, read from the app's
/// endpoint table, walked with every seeded id and with filters and searches, as an anonymous visitor and as a signed-in
/// attorney, never shows a private word; its OpenAPI document validates and describes every route; lists page; the
/// rate limit answers 429; the reference page at /api lists every operation.
/// </summary>
public abstract partial class PublicApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    [Fact]
    public async Task No_api_route_shows_anything_private_to_anyone_not_even_to_a_signed_in_attorney()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        var privateRequest = await fixture.PrivateDemoRequestAsync();
        var secrets = data.SecretWords.Append(data.AttorneyEmail).Append(privateRequest.Title).Append(privateRequest.Reference).ToList();

        var addresses = new List<string>();
        foreach (var pattern in ApiGetPatterns())
        {
            if (pattern.Contains('{'))
            {
                addresses.AddRange(data.AllIds.Select(id => AppRoutes.Fill(pattern, _ => id.ToString())));
                continue;
            }

            string[] queries =
            [
                "", "?pageSize=100", $"?q={data.PublicWord}", "?q=spokeo search log&pageSize=100", "?q=%22search log%22", "?q=memo OR department",
                "?q=log -nothing&sort=newest", $"?agency={data.AgencyId}&pageSize=100", $"?vendor={data.VendorId}&pageSize=100",
                $"?request={data.PublicRequestId}", $"?request={data.PrivateRequestId}", "?category=people-search&pageSize=100",
                "?state=CA&pageSize=100", "?sort=-requestCount", .. data.SecretWords.Select(secret => $"?q={secret}"),
            ];
            addresses.AddRange(queries.Select(query => pattern + query));
        }

        using var anonymous = fixture.NewClient();
        using var attorney = fixture.NewClient();
        await AppFixture.SignInAsync(attorney, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("attorney", attorney) })
        {
            var publicWordSeen = new List<string>();
            foreach (var address in addresses.Distinct())
            {
                var response = await client.GetAsync(address);
                Assert.True((int)response.StatusCode < 500, $"{address} answered {response.StatusCode} to {who}");
                var body = await response.Content.ReadAsStringAsync();
                foreach (var secret in secrets)
                {
                    Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{address} shows \"{secret}\" to {who}");
                }

                if (body.Contains(data.PublicWord, StringComparison.OrdinalIgnoreCase))
                {
                    publicWordSeen.Add(address);
                }
            }

            Assert.Contains($"/api/v1/documents?q={data.PublicWord}", publicWordSeen);
            Assert.Contains("/api/v1/documents?q=spokeo search log&pageSize=100", publicWordSeen);
            Assert.Contains($"/api/v1/documents/{data.PublishedId}", publicWordSeen);
            Assert.Contains($"/api/v1/documents/{data.PublishedId}/text", publicWordSeen);
            Assert.Contains($"/api/v1/requests/{data.PublicRequestId}", publicWordSeen);
            Assert.Contains($"/api/v1/contracts/{data.ContractId}", publicWordSeen);
        }
    }

    [Fact]
    public async Task A_document_search_names_the_pages_it_matched_on_and_cuts_its_passage_from_the_first()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var anonymous = fixture.NewClient();
        var item = (await GetJsonAsync(anonymous, $"/api/v1/documents?q={data.PublicWord}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(data.PublishedId, item.GetProperty("id").GetGuid());
        Assert.Equal([1], item.GetProperty("hitPages").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains(item.GetProperty("snippet").EnumerateArray(), part => part.GetProperty("hit").GetBoolean()
            && part.GetProperty("text").GetString()!.Contains(data.PublicWord, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_private_id_is_answered_exactly_as_an_id_that_does_not_exist()
    {
        var data = await PrivateDataSet.SeedAsync(fixture);
        using var client = fixture.NewClient();
        await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword); // even for staff: the API is public-only

        async Task<(HttpStatusCode Status, string? Type, string Body)> AnswerAsync(string address)
        {
            var response = await client.GetAsync(address);
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }

        var missing = Guid.NewGuid();
        var checks = data.HiddenDocumentIds.SelectMany(id => new[] { ($"/api/v1/documents/{id}", $"/api/v1/documents/{missing}"), ($"/api/v1/documents/{id}/text", $"/api/v1/documents/{missing}/text") })
            .Append(($"/api/v1/requests/{data.PrivateRequestId}", $"/api/v1/requests/{missing}"));
        foreach (var (hidden, nothing) in checks)
        {
            var answer = await AnswerAsync(hidden);
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("application/problem+json", answer.Type);
            Assert.Equal(await AnswerAsync(nothing), answer);
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/requests/not-an-id")]
    [InlineData("GET", "/api/v1/no-such-thing")]
    [InlineData("POST", "/api/v1/agencies")]
    [InlineData("DELETE", "/api/v1/documents/00000000-0000-0000-0000-000000000000")]
    public async Task An_address_or_method_under_the_api_that_names_no_operation_answers_a_problem_in_json(string method, string address)
    {
        using var client = fixture.NewClient();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), address));
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {address} answered {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Lists_page_from_1_with_totals_that_agree_and_sort_both_ways()
    {
        using var client = fixture.NewClient();
        var first = await GetJsonAsync(client, "/api/v1/agencies?pageSize=2");
        var total = first.GetProperty("totalCount").GetInt32();
        Assert.True(total > 2, "the demo data has more than two agencies");
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal((total + 1) / 2, first.GetProperty("totalPages").GetInt32());

        var ids = new List<string>();
        for (var page = 1; page <= first.GetProperty("totalPages").GetInt32(); page++)
        {
            var items = (await GetJsonAsync(client, $"/api/v1/agencies?pageSize=2&page={page}")).GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        var beyond = await GetJsonAsync(client, $"/api/v1/agencies?pageSize=2&page={first.GetProperty("totalPages").GetInt32() + 1}");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());

        var byName = Names(await GetJsonAsync(client, "/api/v1/agencies?pageSize=100&sort=name"));
        var byNameDescending = Names(await GetJsonAsync(client, "/api/v1/agencies?pageSize=100&sort=-name"));
        Assert.Equal(byName.AsEnumerable().Reverse(), byNameDescending);
        Assert.Equal(25, (await GetJsonAsync(client, "/api/v1/requests")).GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/agencies?pageSize=101", "pageSize", "from 1 to 100")]
    [InlineData("/api/v1/agencies?pageSize=0", "pageSize", "from 1 to 100")]
    [InlineData("/api/v1/vendors?page=0", "page", "1 or more")]
    [InlineData("/api/v1/contracts?page=two", "page", "1 or more")]
    [InlineData("/api/v1/requests?sort=colour", "sort", "Sort by one of reference")]
    [InlineData("/api/v1/requests?status=lost", "status", "awaiting-clarification")]
    [InlineData("/api/v1/requests?agency=pasadena", "agency", "as an id")]
    [InlineData("/api/v1/documents?from=2026-02-30", "from", "yyyy-MM-dd")]
    [InlineData("/api/v1/contracts?state=California", "state", "two-letter")]
    public async Task Bad_paging_sorting_or_filtering_answers_400_with_a_problem_naming_the_parameter(string address, string parameter, string message)
    {
        using var client = fixture.NewClient();
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(message, errors[0].GetString());
    }

    [Fact]
    public async Task Filters_narrow_lists_and_enum_values_read_as_words()
    {
        var publicRequest = await fixture.PublicDemoRequestAsync();
        using var client = fixture.NewClient();
        var requests = await GetJsonAsync(client, $"/api/v1/requests?agency={publicRequest.AgencyId}&pageSize=100");
        Assert.Contains(requests.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == publicRequest.Id);
        Assert.All(requests.GetProperty("items").EnumerateArray(), r => Assert.Matches("^[a-z-]+$", r.GetProperty("status").GetString()!));

        var status = requests.GetProperty("items")[0].GetProperty("status").GetString();
        var sameStatus = await GetJsonAsync(client, $"/api/v1/requests?status={status}&pageSize=100");
        Assert.All(sameStatus.GetProperty("items").EnumerateArray(), r => Assert.Equal(status, r.GetProperty("status").GetString()));

        var californian = await GetJsonAsync(client, "/api/v1/agencies?state=ca&pageSize=100");
        Assert.NotEmpty(californian.GetProperty("items").EnumerateArray());
        Assert.All(californian.GetProperty("items").EnumerateArray(), a => Assert.Equal("CA", a.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_validates_and_describes_every_api_route_with_its_parameters()
    {
        using var client = fixture.NewClient();
        var text = await client.GetStringAsync(PublicApiEndpoints.DocumentPath);
        var (document, diagnostic) = OpenApiDocument.Parse(text, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal("PraTracker public API", document.Info.Title);
        Assert.Contains("public data", document.Info.Description, StringComparison.Ordinal);

        var routes = ApiRoutes().Where(e => e.RoutePattern.RawText != PublicApiEndpoints.DocumentPath).ToList();
        Assert.True(routes.Count >= 12, $"only {routes.Count} API routes found");
        Assert.Equal(routes.Count, document.Paths.Count);
        foreach (var route in routes)
        {
            var path = Constraint().Replace(route.RoutePattern.RawText!, "}");
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not in the OpenAPI document");
            var operation = item.Operations![HttpMethod.Get];
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation.Description), $"{path} has no description");
            Assert.False(string.IsNullOrWhiteSpace(operation.OperationId), $"{path} has no name");

            // Every parameter the handler documents is in the document, with its description and in the right place.
            var handler = route.Metadata.GetMetadata<MethodInfo>()!;
            foreach (var parameter in handler.GetParameters().Where(p => p.GetCustomAttribute<DescriptionAttribute>() is not null))
            {
                var described = Assert.Single(operation.Parameters!, p => p.Name == parameter.Name);
                Assert.Equal(parameter.GetCustomAttribute<DescriptionAttribute>()!.Description, described.Description);
                var where = route.RoutePattern.Parameters.Any(p => p.Name == parameter.Name) ? ParameterLocation.Path : ParameterLocation.Query;
                Assert.Equal(where, described.In);
            }
        }
    }

    [Fact]
    public async Task The_reference_page_lists_every_operation_with_a_curl_line_and_links_the_openapi_document()
    {
        using var client = fixture.NewClient();
        var (document, _) = OpenApiDocument.Parse(await client.GetStringAsync(PublicApiEndpoints.DocumentPath), "json");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/api"));

        Assert.Contains($"href=\"{PublicApiEndpoints.DocumentPath}\"", page);
        Assert.Equal(document!.Paths.Count, Regex.Count(page, "data-testid=\"api-operation\""));
        foreach (var (path, item) in document.Paths)
        {
            Assert.Contains($">{path}</code>", page);
            Assert.Contains(item.Operations![HttpMethod.Get].Summary!, page);
        }

        Assert.Contains("curl \"https://localhost/api/v1/requests?pageSize=10\"", page);
        Assert.Contains("curl \"https://localhost/api/v1/documents/<id>/text\"", page);
        Assert.Contains("<td><code>pageSize</code></td>", page);
        Assert.Contains("integer (int32)", page);
        Assert.Contains("string (uuid)", page);
    }

    [Fact]
    public async Task Over_the_limit_an_address_gets_429_with_retry_after_and_a_problem_while_the_rest_of_the_app_still_answers()
    {
        await using var limited = fixture.App.WithWebHostBuilder(host => host.UseSetting(RateLimits.ApiPerMinuteKey, "3"));
        using var client = limited.CreateClient(AppFixture.BrowserLike);

        for (var call = 1; call <= 3; call++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/agencies?page={call}")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/vendors");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("too many calls", problem.RootElement.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feeds/documents.atom")).StatusCode);
    }

    [Fact]
    public async Task A_page_on_any_other_site_may_read_the_api_but_not_the_rest_of_the_app()
    {
        using var client = fixture.NewClient();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vendors");
        api.Headers.Add("Origin", "https://newsroom.example");
        var answer = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Credentials"));

        using var page = new HttpRequestMessage(HttpMethod.Get, "/feeds/documents.atom");
        page.Headers.Add("Origin", "https://newsroom.example");
        Assert.False((await client.SendAsync(page)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static List<string> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];

    private IEnumerable<RouteEndpoint> ApiRoutes() =>
        AppRoutes.Own(fixture)
            .Where(e => e.RoutePattern.RawText!.StartsWith(PublicApiEndpoints.BasePath + "/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains("GET"));

    private IEnumerable<string> ApiGetPatterns() => ApiRoutes().Select(e => e.RoutePattern.RawText!);

    // "{id:guid}" in a route is "{id}" in an OpenAPI path.
    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}

public sealed class PostgresPublicApiTests(PostgresAppFixture fixture) : PublicApiTests<PostgresAppFixture>(fixture);

public sealed class SqlitePublicApiTests(SqliteAppFixture fixture) : PublicApiTests<SqliteAppFixture>(fixture);
