using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Data;

/// <summary>Registers the data layer: the context factory on the configured provider, Identity's stores and start-up work.</summary>
public static class DataServiceCollectionExtensions
{
    public const string KeyCertificatePathKey = "DataProtection:CertificatePath";
    public const string KeyCertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>Every instance must name the same application, or each reads only its own cookies.</summary>
    public const string DataProtectionApplicationName = "PraTracker";

    public static IServiceCollection AddPraTrackerData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        var documents = DocumentStorageSettings.FromConfiguration(configuration, settings);
        services.AddSingleton(documents);
        // Made by the container, which disposes the S3 store's client at shutdown.
        services.AddSingleton<IDocumentFileStore>(_ => documents.Provider switch
        {
            DocumentStorageProvider.S3 => new S3DocumentFileStore(documents),
            _ => new LocalDocumentFileStore(documents),
        });
        services.TryAddSingleton(TimeProvider.System);
        var zone = OrganisationClock.ZoneFrom(configuration);
        services.AddSingleton(sp => new OrganisationClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddSingleton<IDbContextFactory<PraTrackerDbContext>>(sp => new PraTrackerDbContextFactory(
            settings, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));

        // Identity's stores want a scoped context; it is opened from the same factory, as the system viewer
        // because users and roles carry no public/private distinction.
        services.AddScoped<PraTrackerDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System));

        services.AddIdentityCore<PraTrackerUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PraTrackerDbContext>();

        // The keys behind sign-in cookies and form tokens live in the database, so every instance reads what any made;
        // with a certificate configured they are encrypted there, so a copy of the database cannot forge a sign-in.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PraTrackerDbContext>();
        if (KeyCertificate.FromConfiguration(configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddScoped<UserAccounts>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}

/// <summary>The certificate (a PKCS#12 file with its private key) that encrypts the data-protection keys at rest.</summary>
internal static class KeyCertificate
{
    public static X509Certificate2? FromConfiguration(IConfiguration configuration)
    {
        if (configuration[DataServiceCollectionExtensions.KeyCertificatePathKey] is not { Length: > 0 } path)
        {
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[DataServiceCollectionExtensions.KeyCertificatePasswordKey]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{DataServiceCollectionExtensions.KeyCertificatePathKey} names \"{path}\", which cannot be read as a PKCS#12 (.pfx) file with that password: {e.Message}", e);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{DataServiceCollectionExtensions.KeyCertificatePathKey} names \"{path}\", a certificate without its private key, which cannot decrypt the keys.");
    }
}
