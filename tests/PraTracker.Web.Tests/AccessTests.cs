using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Who may reach what, over HTTP, against the real app on each provider.</summary>
public abstract class AccessTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private readonly TFixture _fixture = fixture;

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
            .Select(e => AppRoutes.Fill(e.RoutePattern.RawText!, AppRoutes.Harmless)) // a value that reaches authorization
            .Distinct()
            .ToList();
        Assert.Contains("/dashboard", signInOnly);
        Assert.Contains("/admin", signInOnly);
        Assert.Contains(signInOnly, p => p.StartsWith(JobDashboardPath, StringComparison.Ordinal));
        Assert.Contains("/account/alerts", signInOnly);

        using var client = _fixture.NewClient();
        foreach (var path in signInOnly.Where(p => !p.StartsWith(JobDashboardPath, StringComparison.Ordinal)))
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode} to an anonymous visitor");
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_and_endpoints_carry_the_security_headers_and_a_file_that_is_not_shown_is_sandboxed()
    {
        using var client = _fixture.NewClient();
        foreach (var path in new[] { "/", "/search?q=spokeo", "/account/login", "/feeds/documents.atom", "/api/v1/deadline-calculator", "/no-such-page" })
        {
            var response = await client.GetAsync(path);
            Assert.True(
                Web.Security.SecurityHeaders.ContentSecurityPolicy == string.Join(";", response.Headers.GetValues("Content-Security-Policy")),
                $"{path}: {string.Join(";", response.Headers.GetValues("Content-Security-Policy"))}");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }

        await using var db = _fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.Anonymous);
        // The demo's published documents are text files: never shown in the page, even at /view, and sandboxed if opened.
        var published = await db.Documents.Where(d => d.ContentType == "text/plain").Select(d => d.Id).FirstAsync();
        foreach (var suffix in new[] { "view", "file" })
        {
            var response = await client.GetAsync($"/documents/{published}/{suffix}");
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
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
    public async Task The_configured_first_admin_can_sign_in_and_open_admin_pages_where_ocr_is_ready_and_the_job_dashboard()
    {
        using var client = _fixture.NewClient();
        var signIn = await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword, returnUrl: "/admin");
        Assert.Equal("/admin", LocalRedirect(signIn));

        var admin = await client.GetStringAsync("/admin");
        Assert.Contains(AppFixture.AdminEmail, admin);
        // The start-up check of OCR, on this machine where the test script installed OCRmyPDF and Tesseract.
        Assert.Matches(@"OCR is ready: OCRmyPDF \d+\.\d+(\.\d+)? with Tesseract \d+\.\d+(\.\d+)? \(languages: eng\)", WebUtility.HtmlDecode(admin));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(JobDashboardPath)).StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_answers_401_to_anonymous_visitors_and_403_to_attorneys()
    {
        using var anonymous = _fixture.NewClient();
        foreach (var path in new[] { JobDashboardPath, $"{JobDashboardPath}/jobs/failed", $"{JobDashboardPath}/stats" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        using var attorney = _fixture.NewClient();
        await AppFixture.SignInAsync(attorney, await _fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        Assert.Equal(HttpStatusCode.OK, (await attorney.GetAsync("/dashboard")).StatusCode);
        var refused = await attorney.GetAsync(JobDashboardPath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_calendar_feed_lists_its_owners_deadlines_and_an_unknown_or_revoked_address_gets_a_bare_404()
    {
        var email = await _fixture.CreateUserAsync(Roles.Attorney);
        var hidden = await _fixture.PrivateDemoRequestAsync();
        var other = await _fixture.PublicDemoRequestAsync();
        string token;
        await using (var db = _fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System))
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.RequestAssignments.Add(new RequestAssignment { RequestId = hidden.Id, UserId = userId });
            await db.SaveChangesAsync();
            token = await AlertPreferences.RenewCalendarFeedAsync(db, userId);
        }

        using var calendarApp = _fixture.NewClient(); // no cookie: calendar apps cannot sign in
        var feed = await calendarApp.GetAsync($"/calendar/{token}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"SUMMARY:{hidden.Reference}: Response due", ics);
        Assert.Contains("DTSTART;VALUE=DATE:", ics);
        Assert.Contains($"/requests/{hidden.Id}", ics.Replace("\r\n ", "", StringComparison.Ordinal)); // long lines are folded
        Assert.DoesNotContain(other.Reference, ics); // not this attorney's request

        foreach (var wrong in new[] { new string('0', 64), token.ToUpperInvariant(), "not-a-token", token[..63] })
        {
            var response = await calendarApp.GetAsync($"/calendar/{wrong}.ics");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }

        await using (var db = _fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System))
        {
            await AlertPreferences.RevokeCalendarFeedAsync(db, await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync($"/calendar/{token}.ics")).StatusCode);
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
    public async Task Sign_in_attempts_from_one_address_are_limited_per_minute_while_the_form_still_shows()
    {
        await using var limited = _fixture.App.WithWebHostBuilder(host => host.UseSetting(Web.Security.RateLimits.SignInPerMinuteKey, "3"));
        using var client = limited.CreateClient(AppFixture.BrowserLike);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await AppFixture.SignInAsync(client, $"nobody-{attempt}@pratracker.test", "Wrong-Password-2026!");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, with its error
        }

        var limitedAttempt = await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedAttempt.StatusCode);
        Assert.Equal("60", limitedAttempt.Headers.GetValues("Retry-After").Single());
        Assert.StartsWith("Too many sign-in attempts", await limitedAttempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
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

    private const string JobDashboardPath = "/hangfire";

    private IEnumerable<RouteEndpoint> RouteEndpoints() => AppRoutes.Of(_fixture);
}

public sealed class PostgresAccessTests(PostgresAppFixture fixture) : AccessTests<PostgresAppFixture>(fixture);

public sealed class SqliteAccessTests(SqliteAppFixture fixture) : AccessTests<SqliteAppFixture>(fixture);
