using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Start-up through the real composition: migrations, the first admin, and the demo data, on both providers.</summary>
public abstract class StartupTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_first_admin_comes_from_configuration_and_is_created_only_once()
    {
        await using var services = BuildServices(new() { ["Admin:Email"] = "lead@aclu.example", ["Admin:Password"] = "Spokeo-Records-2026" });
        var printed = new StringWriter();
        await InitializeAsync(services, printed);
        await InitializeAsync(services, printed);

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var admin = Assert.Single(admins);
        Assert.Equal("lead@aclu.example", admin.Email);
        Assert.True(await users.CheckPasswordAsync(admin, "Spokeo-Records-2026"));
        Assert.True(await users.GetLockoutEnabledAsync(admin));
        Assert.Empty(printed.ToString());
    }

    [Fact]
    public async Task Without_a_configured_password_a_generated_one_is_printed_once_and_works()
    {
        await using var services = BuildServices([]);
        var printed = new StringWriter();
        await InitializeAsync(services, printed);
        var firstOutput = printed.ToString();
        await InitializeAsync(services, printed);
        Assert.Equal(firstOutput, printed.ToString());

        var password = firstOutput.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("password:", StringComparison.Ordinal))["password:".Length..].Trim();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
        var admin = await users.FindByEmailAsync(AdminBootstrapper.DefaultAdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, password));
    }

    [Fact]
    public async Task A_weak_configured_password_stops_start_up_with_the_reason()
    {
        await using var services = BuildServices(new() { ["Admin:Email"] = "lead@aclu.example", ["Admin:Password"] = "short" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InitializeAsync(services, new StringWriter()));
        Assert.Contains("Passwords must be at least 12 characters", error.Message);
    }

    [Fact]
    public async Task Demo_data_is_seeded_once_dated_from_today_with_public_and_private_requests()
    {
        await using var services = BuildServices(new() { ["Demo:Seed"] = "true", ["Admin:Password"] = "Spokeo-Records-2026" });
        await InitializeAsync(services, new StringWriter());
        await InitializeAsync(services, new StringWriter());

        var clock = services.GetRequiredService<OrganisationClock>();
        await using var db = services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var requests = await db.Requests.Include(r => r.Agency).ToListAsync();
        Assert.Equal(17, requests.Count); // the five current ones, and twelve closed public ones behind the scorecards
        Assert.Contains(requests, r => r.Title.Contains("Spokeo") && r.Agency.Name == "City of Pasadena" && r.Visibility == RequestVisibility.Public);
        Assert.Contains(requests, r => r.Title.Contains("personas") && r.Agency.Name == "Los Angeles Police Department");
        Assert.Contains(requests, r => r.Title.Contains("Clearview") && r.Visibility == RequestVisibility.Private);
        Assert.Contains(requests, r => r.Title.Contains("Meta Pixel") && r.Status == RequestStatus.Draft);

        var dueThisWeek = await DeadlineQueries.DueSoonAsync(db, clock.Today, 7);
        Assert.Contains(dueThisWeek, d => d.DaysLeft >= 0);
        Assert.Contains(dueThisWeek, d => d.DaysLeft < 0);
        Assert.All(dueThisWeek, d => Assert.Contains("Cal. Gov. Code § 7922.535", d.Explanation));
    }

    [Fact]
    public async Task With_a_certificate_the_data_protection_key_is_kept_encrypted_and_every_instance_can_read_it()
    {
        var folder = Directory.CreateTempSubdirectory("pratracker-cert-").FullName;
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=PraTracker keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password-1"));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Admin:Password"] = "Spokeo-Records-2026",
            [DataServiceCollectionExtensions.KeyCertificatePathKey] = pfx,
            [DataServiceCollectionExtensions.KeyCertificatePasswordKey] = "pfx-password-1",
        };
        await using var first = BuildServices(settings);
        await InitializeAsync(first, new StringWriter());
        var token = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");

        await using var db = first.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("EncryptedXmlDecryptor", key.Xml!, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);

        // Another instance, with the same certificate, reads the key and the token.
        await using var second = BuildServices(settings);
        Assert.Equal("signed in", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
    }

    [Fact]
    public void A_certificate_that_cannot_be_read_stops_start_up_with_the_reason()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pfx");
        var error = Assert.Throws<InvalidOperationException>(() => BuildServices(new() { [DataServiceCollectionExtensions.KeyCertificatePathKey] = missing }));
        Assert.StartsWith($"DataProtection:CertificatePath names \"{missing}\", which cannot be read as a PKCS#12 (.pfx) file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSQL_gets_no_demo_data_unless_asked()
    {
        await using var services = BuildServices(new() { ["Admin:Password"] = "Spokeo-Records-2026" });
        await InitializeAsync(services, new StringWriter());
        await using var db = services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        Assert.Equal(provider == DatabaseProvider.Sqlite, await db.Requests.AnyAsync());
    }

    protected ServiceProvider BuildServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero)))
            .AddPraTrackerData(configuration)
            .BuildServiceProvider();
    }

    protected static async Task InitializeAsync(ServiceProvider services, TextWriter console)
    {
        await using var scope = services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(console);
    }
}

public sealed class PostgresStartupTests() : StartupTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Instances_starting_at_once_on_one_database_migrate_and_seed_it_once()
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Admin:Password"] = "Spokeo-Records-2026" };
        var instances = Enumerable.Range(0, 3).Select(_ => BuildServices(settings)).ToList();
        try
        {
            // Each instance has its own services, as separate processes would; they share only the database.
            await Task.WhenAll(instances.Select(services => Task.Run(() => InitializeAsync(services, new StringWriter()))));

            await using var db = instances[0].GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(17, await db.Requests.CountAsync());
            Assert.Single(await db.DataProtectionKeys.ToListAsync());
            await using var scope = instances[0].CreateAsyncScope();
            Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().GetUsersInRoleAsync(Roles.Admin));
        }
        finally
        {
            foreach (var services in instances)
            {
                await services.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteStartupTests() : StartupTests(DatabaseProvider.Sqlite);
