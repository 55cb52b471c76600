using Microsoft.Extensions.Configuration;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>Which kind of store keeps released files (Storage:Provider).</summary>
public enum DocumentStorageProvider
{
    Local,
    S3,
}

/// <summary>
/// Where released files are kept and how large one may be: a local folder (Documents:Folder) or an S3-compatible
/// bucket (Storage:Provider = S3, Storage:S3:*). Uploads are staged in the folder's "incoming" subfolder while they are
/// hashed, whichever the store.
/// </summary>
public sealed record DocumentStorageSettings(DocumentStorageProvider Provider, string Folder, long MaxFileBytes, S3StorageSettings? S3)
{
    public const long DefaultMaxFileMegabytes = 200;
    public const string ProviderKey = "Storage:Provider";

    /// <summary>Reads the settings; a provider that is not Local or S3, or an S3 store missing a setting, fails here, naming the setting.</summary>
    public static DocumentStorageSettings FromConfiguration(IConfiguration configuration, DatabaseSettings database)
    {
        var folder = Path.GetFullPath(configuration["Documents:Folder"] is { Length: > 0 } configured ? configured : Path.Combine(database.DataDirectory, "files"));
        var maxFileBytes = configuration.GetValue("Documents:MaxFileMegabytes", DefaultMaxFileMegabytes) * 1024 * 1024;
        var provider = configuration[ProviderKey] is { Length: > 0 } named
            ? Enum.TryParse<DocumentStorageProvider>(named, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new InvalidOperationException($"{ProviderKey} is '{named}'; it must be Local or S3.")
            : DocumentStorageProvider.Local;
        return new(provider, folder, maxFileBytes, provider == DocumentStorageProvider.S3 ? S3StorageSettings.FromConfiguration(configuration) : null);
    }

    /// <summary>The folder uploads are written to while they are hashed and checked, before the store keeps them.</summary>
    public string IncomingFolder => Path.Combine(Folder, "incoming");
}

/// <summary>An S3-compatible bucket for released files (Storage:S3:*). Its text names the bucket and the address, never the keys.</summary>
/// <param name="ServiceUrl">The S3-compatible server (MinIO: http://minio:9000); null for AWS itself, found from the region.</param>
/// <param name="Region">The region requests are signed for (and, on AWS, the one the bucket is in).</param>
/// <param name="AccessKey">With <paramref name="SecretKey"/>, the credentials; when both are empty the SDK's own chain (environment, instance role) is used.</param>
/// <param name="ForcePathStyle">Addresses the bucket as {server}/{bucket} instead of {bucket}.{server}, as MinIO wants.</param>
/// <param name="Prefix">Put before every key: empty, or ending with a slash ("pratracker/").</param>
/// <param name="CreateBucket">Creates the bucket when it is missing, on the first use of the store.</param>
public sealed record S3StorageSettings(
    Uri? ServiceUrl, string Region, string Bucket, string? AccessKey, string? SecretKey, bool ForcePathStyle, string Prefix, bool CreateBucket)
{
    public const string DefaultRegion = "us-east-1";
    public const string BucketKey = "Storage:S3:Bucket";
    public const string AccessKeyKey = "Storage:S3:AccessKey";
    public const string SecretKeyKey = "Storage:S3:SecretKey";
    public const string ServiceUrlKey = "Storage:S3:ServiceUrl";

    public static S3StorageSettings FromConfiguration(IConfiguration configuration)
    {
        var bucket = configuration[BucketKey] is { Length: > 0 } named
            ? named.Trim()
            : throw new InvalidOperationException($"{DocumentStorageSettings.ProviderKey} is S3 but {BucketKey} is not set (environment variable Storage__S3__Bucket).");
        Uri? serviceUrl = null;
        if (configuration[ServiceUrlKey] is { Length: > 0 } address)
        {
            serviceUrl = Uri.TryCreate(address.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed
                : throw new InvalidOperationException($"{ServiceUrlKey} is '{address}'; it must be an http:// or https:// address, or empty for AWS.");
        }

        var accessKey = NullIfEmpty(configuration[AccessKeyKey]);
        var secretKey = NullIfEmpty(configuration[SecretKeyKey]);
        if ((accessKey is null) != (secretKey is null))
        {
            throw new InvalidOperationException(
                $"{(accessKey is null ? AccessKeyKey : SecretKeyKey)} is not set; set both {AccessKeyKey} and {SecretKeyKey}, or neither to use the AWS SDK's own credentials.");
        }

        var prefix = (configuration["Storage:S3:Prefix"] ?? "").Trim().TrimStart('/');
        return new(
            serviceUrl,
            NullIfEmpty(configuration["Storage:S3:Region"])?.Trim() ?? DefaultRegion,
            bucket,
            accessKey,
            secretKey,
            configuration.GetValue("Storage:S3:ForcePathStyle", serviceUrl is not null),
            prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/",
            configuration.GetValue("Storage:S3:CreateBucket", false));
    }

    public string Description =>
        $"S3 bucket {Bucket} {(ServiceUrl is null ? $"in AWS region {Region}" : $"at {ServiceUrl.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}")}"
        + (Prefix.Length > 0 ? $", keys under {Prefix}" : "");

    // A record prints every property; this one holds a secret, so it prints its description instead.
    public override string ToString() => Description;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
