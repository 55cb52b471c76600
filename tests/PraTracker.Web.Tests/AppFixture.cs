using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>The real app, started in memory on a fresh database with the demo data, shared by one test class.</summary>
public abstract partial class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string AdminEmail = "admin@pratracker.test";
    public const string AdminPassword = "Correct-Horse-Battery-42";
    public const string AttorneyPassword = "Attorney-Password-2026";

    private TestDatabase _database = null!;
    private IReadOnlyDictionary<string, string?> _variant = new Dictionary<string, string?>();

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _variant = await StartBesideAsync();
        App = NewInstance();
        _ = App.Server;
    }

    /// <summary>
    /// Another instance of the app on this fixture's database, as a second server behind a load balancer would be;
    /// <paramref name="settings"/> adds to or changes the fixture's settings. The caller disposes it.
    /// </summary>
    public WebApplicationFactory<Program> NewInstance(IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Production");
            foreach (var (key, value) in _database.AppSettings)
            {
                host.UseSetting(key, value);
            }

            host.UseSetting("Admin:Email", AdminEmail);
            host.UseSetting("Admin:Password", AdminPassword);
            host.UseSetting("Demo:Seed", "true");
            host.UseSetting(Jobs.InstanceSettings.RoleKey, nameof(Jobs.InstanceRole.Web)); // tests run the jobs they need themselves
            host.UseSetting(Web.Features.Documents.LibraryOverviewCache.SecondsKey, "0"); // tests seed documents straight into the database
            host.UseSetting(Web.Features.Agencies.AgencyScorecardCache.SecondsKey, "0"); // and requests
            host.UseSetting(Web.Security.RateLimits.SignInPerMinuteKey, "100000"); // every test signs in from the same address
            host.UseSetting(Web.Security.RateLimits.ApiPerMinuteKey, "100000"); // every test calls the API from the same address
            foreach (var (key, value) in _variant)
            {
                host.UseSetting(key, value);
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }
        });

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await StopBesideAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Starts what a variant of the app needs beside it (a server), and returns the settings it adds or changes.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> StartBesideAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Stops what <see cref="StartBesideAsync"/> started, once the app has stopped.</summary>
    protected virtual Task StopBesideAsync() => Task.CompletedTask;

    /// <summary>A browser-like client that keeps cookies and does not follow redirects, so tests see them.</summary>
    /// <summary>A browser-like client over HTTPS, as the app runs outside development (its cookies are Secure-only there).</summary>
    public static WebApplicationFactoryClientOptions BrowserLike => new()
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost"),
    };

    public HttpClient NewClient() => App.CreateClient(BrowserLike);

    /// <summary>The public Pasadena/Spokeo request of the demo data.</summary>
    public Task<RecordsRequest> PublicDemoRequestAsync() => DemoRequestAsync("Spokeo", RequestVisibility.Public);

    /// <summary>The private Clearview AI request of the demo data, with attorneys' notes.</summary>
    public Task<RecordsRequest> PrivateDemoRequestAsync() => DemoRequestAsync("Clearview", RequestVisibility.Private);

    private async Task<RecordsRequest> DemoRequestAsync(string titleWord, RequestVisibility visibility)
    {
        await using var db = App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        return await db.Requests.SingleAsync(r => r.Title.Contains(titleWord) && r.Visibility == visibility && r.Agency.Kind != Data.Agencies.AgencyKind.FederalAgency);
    }

    public async Task<string> CreateUserAsync(string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@pratracker.test";
        var user = new PraTrackerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        Assert.True((await users.CreateAsync(user, AttorneyPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>Signs in through the real login form, antiforgery token included; returns the response to the form post.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? returnUrl = null) =>
        PostFormAsync(client, returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Opens a page, then posts one of its forms (by form name) with the page's antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(url);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = AntiforgeryTokenIn(form);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string AntiforgeryTokenIn(string page) => WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class PostgresAppFixture() : AppFixture(DatabaseProvider.Postgres);

public sealed class SqliteAppFixture() : AppFixture(DatabaseProvider.Sqlite);

/// <summary>The app keeping its files in a bucket of a real S3-compatible server, or, where none can run, the reason its tests skip.</summary>
public sealed class S3AppFixture() : AppFixture(DatabaseProvider.Sqlite)
{
    public const string Bucket = "pratracker-documents";

    private S3Server? _server;

    public string? SkipReason { get; private set; }

    protected override async Task<IReadOnlyDictionary<string, string?>> StartBesideAsync()
    {
        SkipReason = S3Server.Unavailable();
        if (SkipReason is not null)
        {
            return new Dictionary<string, string?>();
        }

        _server = await S3Server.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = _server.ServiceUrl.ToString(),
            ["Storage:S3:Bucket"] = Bucket,
            ["Storage:S3:AccessKey"] = S3Server.AccessKey,
            ["Storage:S3:SecretKey"] = S3Server.SecretKey,
            ["Storage:S3:CreateBucket"] = "true", // the demo data's files are the first ones stored
        };
    }

    protected override async Task StopBesideAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
