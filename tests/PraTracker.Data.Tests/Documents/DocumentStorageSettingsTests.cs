using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;

namespace PraTracker.Tests;

/// <summary>The document store's settings as an operator writes them, and the store the app is composed with.</summary>
public sealed class DocumentStorageSettingsTests
{
    private static readonly DatabaseSettings Database = new(DatabaseProvider.Sqlite, "Data Source=:memory:", "/srv/pratracker");

    [Fact]
    public void With_nothing_configured_files_go_to_the_local_folder_under_the_data_directory()
    {
        var settings = Read([]);

        Assert.Equal(new DocumentStorageSettings(DocumentStorageProvider.Local, "/srv/pratracker/files", 200L * 1024 * 1024, null), settings);
        Assert.Equal("/srv/pratracker/files/incoming", settings.IncomingFolder);
    }

    [Fact]
    public void An_s3_bucket_on_a_compatible_server_signs_for_us_east_1_by_path_and_ends_its_prefix_with_a_slash()
    {
        var settings = Read(new()
        {
            ["Storage:Provider"] = "s3",
            ["Storage:S3:ServiceUrl"] = "http://minio:9000",
            ["Storage:S3:Bucket"] = "pratracker",
            ["Storage:S3:AccessKey"] = "pratracker",
            ["Storage:S3:SecretKey"] = "minio-secret-2026",
            ["Storage:S3:Prefix"] = "/documents",
        });

        Assert.Equal(DocumentStorageProvider.S3, settings.Provider);
        Assert.Equal(
            new S3StorageSettings(new Uri("http://minio:9000"), "us-east-1", "pratracker", "pratracker", "minio-secret-2026", true, "documents/", false),
            settings.S3);
    }

    [Fact]
    public void An_s3_bucket_on_aws_is_addressed_by_host_in_its_region_unless_told_otherwise()
    {
        var settings = Read(new() { ["Storage:Provider"] = "S3", ["Storage:S3:Bucket"] = "records", ["Storage:S3:Region"] = "eu-west-1" })!.S3!;

        Assert.Null(settings.ServiceUrl);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.False(settings.ForcePathStyle);
        Assert.Null(settings.AccessKey); // the SDK's own credentials: environment, instance role
        Assert.Equal("S3 bucket records in AWS region eu-west-1", settings.Description);
        Assert.True(Read(new() { ["Storage:Provider"] = "S3", ["Storage:S3:Bucket"] = "records", ["Storage:S3:ForcePathStyle"] = "true" }).S3!.ForcePathStyle);
    }

    [Fact]
    public void The_settings_text_names_the_bucket_and_the_server_but_never_the_keys()
    {
        var settings = Read(new()
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = "https://objects.example.org/",
            ["Storage:S3:Bucket"] = "pratracker",
            ["Storage:S3:AccessKey"] = "AKIAEXAMPLEKEY",
            ["Storage:S3:SecretKey"] = "very-secret-key-2026",
            ["Storage:S3:Prefix"] = "documents/",
        });

        Assert.Equal("S3 bucket pratracker at https://objects.example.org, keys under documents/", settings.S3!.Description);
        Assert.DoesNotContain("very-secret-key-2026", settings.ToString());
        Assert.DoesNotContain("AKIAEXAMPLEKEY", settings.ToString());
    }

    [Theory]
    [InlineData("Storage:S3:Bucket", null, "Storage:Provider is S3 but Storage:S3:Bucket is not set (environment variable Storage__S3__Bucket).")]
    [InlineData("Storage:S3:SecretKey", null, "Storage:S3:SecretKey is not set; set both Storage:S3:AccessKey and Storage:S3:SecretKey, or neither")]
    [InlineData("Storage:S3:ServiceUrl", "minio:9000", "Storage:S3:ServiceUrl is 'minio:9000'; it must be an http:// or https:// address, or empty for AWS.")]
    [InlineData("Storage:Provider", "Azure", "Storage:Provider is 'Azure'; it must be Local or S3.")]
    public void A_misconfigured_store_fails_at_start_naming_the_setting(string key, string? value, string message)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:Bucket"] = "pratracker",
            ["Storage:S3:AccessKey"] = "pratracker",
            ["Storage:S3:SecretKey"] = "minio-secret-2026",
            [key] = value,
        };

        var failure = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPraTrackerData(Configuration(configuration)));
        Assert.StartsWith(message, failure.Message);
    }

    [Fact]
    public void The_app_is_composed_with_the_configured_store()
    {
        using var local = new ServiceCollection().AddPraTrackerData(Configuration(new() { ["DataDirectory"] = "/srv/pratracker" })).BuildServiceProvider();
        Assert.IsType<LocalDocumentFileStore>(local.GetRequiredService<IDocumentFileStore>());

        using var s3 = new ServiceCollection()
            .AddPraTrackerData(Configuration(new() { ["Storage:Provider"] = "S3", ["Storage:S3:Bucket"] = "pratracker", ["Storage:S3:ServiceUrl"] = "http://minio:9000" }))
            .BuildServiceProvider();
        var store = Assert.IsType<S3DocumentFileStore>(s3.GetRequiredService<IDocumentFileStore>());
        Assert.Equal("S3 bucket pratracker at http://minio:9000", store.Description);
    }

    private static DocumentStorageSettings Read(Dictionary<string, string?> values) => DocumentStorageSettings.FromConfiguration(Configuration(values), Database);

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
