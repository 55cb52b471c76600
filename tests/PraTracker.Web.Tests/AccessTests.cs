using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>Who may reach what, over HTTP, against the real app on each provider.</summary>
public abstract class AccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private readonly TFixture _fixture = fixture;

    [Fact]
    public async Task The_health_check_reports_the_database_reachable()
    {
        using var client = _fixture.NewClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{\"database\":\"Healthy\"}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Every_page_declares_whether_anonymous_visitors_may_open_it()
    {
        var pages = RouteEndpoints().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();
        Assert.NotEmpty(pages);
        var undeclared = pages
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText);
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_sign_in_only_page()
    {
        var signInOnly = RouteEndpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is not null)
            .Select(e => ConcretePath(e.RoutePattern.RawText!))
            .Distinct()
            .ToList();
        Assert.Contains("/dashboard", signInOnly);
        Assert.Contains("/admin", signInOnly);
        Assert.Contains(signInOnly, p => p.StartsWith("/admin/jobs", StringComparison.Ordinal));

        using var client = _fixture.NewClient();
        foreach (var path in signInOnly)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode} to an anonymous visitor");
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_open_a_private_request_by_its_address()
    {
        var hidden = await _fixture.PrivateDemoRequestAsync();
        var shown = await _fixture.PublicDemoRequestAsync();
        using var client = _fixture.NewClient();

        var privatePage = await client.GetStringAsync($"/requests/{hidden.Id}");
        Assert.DoesNotContain(hidden.Title, privatePage);
        Assert.DoesNotContain(hidden.Reference, privatePage);
        Assert.Contains("Request not found", privatePage);

        var publicPage = await client.GetStringAsync($"/requests/{shown.Id}");
        Assert.Contains(shown.Title, publicPage);
        Assert.DoesNotContain("Attorneys' notes", publicPage);
    }

    [Fact]
    public async Task A_signed_in_attorney_sees_the_dashboard_and_private_requests_with_their_notes()
    {
        var email = await _fixture.CreateUserAsync(Roles.Attorney);
        using var client = _fixture.NewClient();
        var signIn = await AppFixture.SignInAsync(client, email, AppFixture.AttorneyPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dashboard", LocalRedirect(signIn));

        var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var dashboardHtml = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("Overdue and due in the next 7 days", dashboardHtml);
        Assert.Contains("Cal. Gov. Code § 7922.535", System.Net.WebUtility.HtmlDecode(dashboardHtml));

        var hidden = await _fixture.PrivateDemoRequestAsync();
        var privatePage = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync($"/requests/{hidden.Id}"));
        Assert.Contains(hidden.Title, privatePage);
        Assert.Contains(hidden.InternalNotes!, privatePage);

        // An attorney is not an admin.
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/access-denied", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_first_admin_can_sign_in_and_open_admin_pages_and_the_job_dashboard()
    {
        using var client = _fixture.NewClient();
        var signIn = await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword, returnUrl: "/admin");
        Assert.Equal("/admin", LocalRedirect(signIn));

        var admin = await client.GetStringAsync("/admin");
        Assert.Contains(AppFixture.AdminEmail, admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists_and_repeated_failures_lock_it()
    {
        var email = await _fixture.CreateUserAsync(Roles.Attorney);
        using var client = _fixture.NewClient();
        var unknown = await AppFixture.SignInAsync(client, "nobody@pratracker.test", "Wrong-password-123");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("do not match an account", await unknown.Content.ReadAsStringAsync());

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var wrong = await AppFixture.SignInAsync(client, email, "Wrong-password-123");
            Assert.Contains("do not match an account", await wrong.Content.ReadAsStringAsync());
        }

        var fifth = await AppFixture.SignInAsync(client, email, "Wrong-password-123");
        Assert.Contains("locked", await fifth.Content.ReadAsStringAsync());
        var rightPasswordTooLate = await AppFixture.SignInAsync(client, email, AppFixture.AttorneyPassword);
        Assert.Equal(HttpStatusCode.OK, rightPasswordTooLate.StatusCode);
        Assert.Contains("locked", await rightPasswordTooLate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_sign_in_never_redirects_to_another_site()
    {
        using var client = _fixture.NewClient();
        var response = await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword, returnUrl: "//evil.example/phish");
        Assert.Equal("/dashboard", LocalRedirect(response));
    }

    /// <summary>The path a redirect leads to, asserting that it stays on this site.</summary>
    private static string LocalRedirect(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        if (location.IsAbsoluteUri)
        {
            Assert.Equal("localhost", location.Host);
        }

        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private IEnumerable<RouteEndpoint> RouteEndpoints() =>
        _fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    // Route parameters get a harmless value, so the request reaches authorization.
    private static string ConcretePath(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*\*[^}]+\}", "");
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", Guid.Empty.ToString());
        path = "/" + path.Trim('/');
        return path;
    }
}

public sealed class PostgresAccessTests(PostgresAppFixture fixture) : AccessTests<PostgresAppFixture>(fixture);

public sealed class SqliteAccessTests(SqliteAppFixture fixture) : AccessTests<SqliteAppFixture>(fixture);
