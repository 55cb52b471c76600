using System.Net;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Jobs;
using PraTracker.Jobs.Email;
using PraTracker.Web.Endpoints;

namespace PraTracker.Tests;

/// <summary>What a deployment relies on: health probes, instance roles, and cookies shared by every instance.</summary>
public abstract class DeploymentTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private readonly TFixture _fixture = fixture;

    [Fact]
    public async Task Liveness_answers_without_checking_anything_and_is_never_cached()
    {
        using var client = _fixture.NewClient();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("{\"status\":\"Healthy\",\"checks\":{}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_checks_the_database_and_storage_and_says_e_mail_is_off_without_failing()
    {
        using var client = _fixture.NewClient();
        var response = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("Degraded", checks.GetProperty("smtp").GetProperty("status").GetString());
        Assert.Contains("Smtp:Host is not set", checks.GetProperty("smtp").GetProperty("description").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_instance_are_accepted_by_another()
    {
        await using var second = _fixture.NewInstance();
        using var first = _fixture.App.CreateClient(AppFixture.BrowserLike);

        // The login form comes from the first instance and is posted to the second, as a load balancer may do.
        var form = await first.GetAsync("/account/login");
        var token = AppFixture.AntiforgeryTokenIn(await form.Content.ReadAsStringAsync());
        using var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppFixture.BrowserLike.BaseAddress });
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = AppFixture.AdminEmail,
                ["Input.Password"] = AppFixture.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", CookiesFrom(form));
        var signedIn = await secondClient.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The cookie the second instance issued opens a staff page on the first.
        using var dashboard = new HttpRequestMessage(HttpMethod.Get, "/imports");
        dashboard.Headers.Add("Cookie", CookiesFrom(signedIn));
        using var firstPlain = _fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = AppFixture.BrowserLike.BaseAddress });
        var page = await firstPlain.SendAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        await using var db = _fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task A_jobs_only_instance_runs_a_job_server_and_answers_only_its_probes()
    {
        await using var jobs = _fixture.NewInstance(new Dictionary<string, string> { [InstanceSettings.RoleKey] = "jobs", [InstanceSettings.WorkerCountKey] = "1" });
        using var client = jobs.CreateClient(AppFixture.BrowserLike);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/agencies")).StatusCode);
        Assert.Contains(jobs.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));

        // The web-only fixture runs no job server.
        Assert.DoesNotContain(_fixture.App.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
        Assert.NotNull(_fixture.App.Services.GetService<IBackgroundJobClient>());
    }

    [Theory]
    [InlineData("10.0.0.0/8", HttpStatusCode.OK)]
    [InlineData("", HttpStatusCode.TooManyRequests)]
    public async Task Rate_limits_count_visitors_behind_a_trusted_proxy_apart_and_ignore_forged_addresses(string knownNetworks, HttpStatusCode otherVisitor)
    {
        await using var instance = _fixture.NewInstance(new Dictionary<string, string>
        {
            [Web.Security.ReverseProxy.KnownNetworksKey] = knownNetworks,
            [Web.Security.RateLimits.ApiPerMinuteKey] = "2",
        });
        var server = instance.Server;

        async Task<HttpStatusCode> CallAsync(string visitor)
        {
            var context = await server.SendAsync(http =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3"); // the proxy
                http.Request.Scheme = "https";
                http.Request.Method = "GET";
                http.Request.Path = "/api/v1/agencies";
                http.Request.Headers["X-Forwarded-For"] = visitor;
                http.Request.Headers["X-Forwarded-Proto"] = "https";
            });
            return (HttpStatusCode)context.Response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await CallAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await CallAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CallAsync("203.0.113.1"));

        // Trusted, the proxy's header names another visitor with a budget of their own; untrusted, it is ignored.
        Assert.Equal(otherVisitor, await CallAsync("203.0.113.2"));
    }

    [Fact]
    public async Task Over_plain_http_pages_are_refused_with_the_way_out_while_the_probes_answer()
    {
        using var http = _fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var page = await http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(Web.Security.HttpsOnly.Refusal, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task A_trial_told_so_signs_in_over_plain_http()
    {
        await using var trial = _fixture.NewInstance(new Dictionary<string, string> { [Web.Security.HttpsOnly.Key] = "false" });
        using var http = trial.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("http://localhost") });
        var signedIn = await AppFixture.SignInAsync(http, AppFixture.AdminEmail, AppFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/imports")).StatusCode);
    }

    private static string CookiesFrom(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}

public sealed class PostgresDeploymentTests(PostgresAppFixture fixture) : DeploymentTests<PostgresAppFixture>(fixture);

public sealed class SqliteDeploymentTests(SqliteAppFixture fixture) : DeploymentTests<SqliteAppFixture>(fixture);

/// <summary>The readiness checks on their own, against a real mail server and an unreachable database.</summary>
public sealed class ReadinessCheckTests
{
    [Fact]
    public async Task The_mail_check_is_healthy_when_the_server_accepts_and_degraded_when_it_does_not()
    {
        await using var mail = await MailCatcher.StartAsync();
        var reachable = new SmtpHealthCheck(new SmtpSettings("127.0.0.1", mail.Port, SmtpSecurity.None, null, null, "a@b.example", null));
        Assert.Equal(HealthStatus.Healthy, (await reachable.CheckHealthAsync(new HealthCheckContext())).Status);

        var closed = new SmtpHealthCheck(new SmtpSettings("127.0.0.1", LocalMachine.FreePort(), SmtpSecurity.None, null, null, "a@b.example", null));
        var result = await closed.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("does not accept connections", result.Description);
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_when_the_database_does_not_answer()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={LocalMachine.FreePort()};Username=nobody;Timeout=2", Path.GetTempPath());
        var check = new DatabaseHealthCheck(new PraTrackerDbContextFactory(settings, TimeProvider.System, null));
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The database does not answer.", result.Description);
    }
}

/// <summary>Proxy:KnownNetworks as an operator writes it.</summary>
public sealed class ReverseProxySettingsTests
{
    [Fact]
    public void Networks_are_read_from_a_comma_separated_list_and_a_wrong_one_is_named()
    {
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12"], Web.Security.ReverseProxy.ParseNetworks("10.0.0.0/8, 172.16.0.0/12").Select(n => n.ToString()));
        Assert.Empty(Web.Security.ReverseProxy.ParseNetworks(null));
        var error = Assert.Throws<InvalidOperationException>(() => Web.Security.ReverseProxy.ParseNetworks("10.0.0.0/8,proxy.internal"));
        Assert.Equal("Proxy:KnownNetworks holds \"proxy.internal\", which is not a network such as 10.0.0.0/8.", error.Message);
    }
}
