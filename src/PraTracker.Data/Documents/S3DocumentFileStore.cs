using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PraTracker.Data.Documents;

/// <summary>
/// The store on an S3-compatible bucket (AWS, MinIO and the like): each file at {prefix}{first two hex digits}/{sha256},
/// the folder's layout. An upload is staged in a local file while it is hashed and checked, and sent only when the
/// bucket lacks it.
/// </summary>
public sealed class S3DocumentFileStore : IDocumentFileStore, IDisposable
{
    private readonly DocumentStorageSettings _settings;
    private readonly S3StorageSettings _s3;
    private readonly AmazonS3Client _client;
    private readonly SemaphoreSlim _bucketCreation = new(1, 1);
    private volatile bool _bucketCreated;

    public S3DocumentFileStore(DocumentStorageSettings settings)
    {
        _settings = settings;
        _s3 = settings.S3 ?? throw new ArgumentException("The settings name no S3 bucket.", nameof(settings));
        var config = new AmazonS3Config
        {
            ForcePathStyle = _s3.ForcePathStyle,
            // The SDK would add CRC32 checksums in trailers, which S3-compatible servers do not all read; the store sends
            // the SHA-256 it computed anyway, in a plain header.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (_s3.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = _s3.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_s3.Region);
        }

        _client = _s3.AccessKey is { } accessKey
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, _s3.SecretKey), config)
            : new AmazonS3Client(config);
    }

    public string Description => _s3.Description;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, Action<byte[]>? inspectHead = null, CancellationToken ct = default)
    {
        using var received = await ReceivedFile.ReceiveAsync(_settings.IncomingFolder, content, maxBytes, inspectHead, ct);
        await CreateBucketOnceAsync(ct);
        var key = KeyOf(received.Sha256);
        if (await LengthOfAsync(key, ct) is not null)
        {
            return new StoredFile(received.Sha256, received.Size, AlreadyStored: true);
        }

        // Two uploads of the same file at once both send it; the bytes under the key are the same either way.
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _s3.Bucket,
            Key = key,
            FilePath = received.Path,
            ContentType = "application/octet-stream",
            ChecksumSHA256 = Convert.ToBase64String(Convert.FromHexString(received.Sha256)),
            // The body goes as it is, its signature over the whole: not every S3-compatible server reads the SDK's
            // default aws-chunked framing (s3rver keeps it in the object).
            UseChunkEncoding = false,
        }, ct);
        return new StoredFile(received.Sha256, received.Size, AlreadyStored: false);
    }

    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        await CreateBucketOnceAsync(ct);
        return await LengthOfAsync(key, ct) is { } length
            ? new S3ObjectReadStream(_client, _s3.Bucket, key, length)
            : throw new FileNotFoundException("The document store has no such file.", sha256);
    }

    public async Task<Stream> OpenForRandomAccessAsync(string sha256, CancellationToken ct)
    {
        await using var remote = await OpenReadAsync(sha256, ct);
        Directory.CreateDirectory(_settings.IncomingFolder);
        var local = new FileStream(
            Path.Combine(_settings.IncomingFolder, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await remote.CopyToAsync(local, ct);
            local.Position = 0;
            return local;
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string sha256, CancellationToken ct)
    {
        var key = KeyOf(sha256);
        await CreateBucketOnceAsync(ct);
        return await LengthOfAsync(key, ct) is not null;
    }

    public async Task EnsureReachableAsync(CancellationToken ct)
    {
        await ReceivedFile.EnsureFolderWritableAsync(_settings.IncomingFolder, Description, ct);
        try
        {
            await CreateBucketOnceAsync(ct);
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _s3.Bucket }, ct);
        }
        catch (AmazonServiceException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            throw Unavailable("the bucket does not exist; create it, or set Storage:S3:CreateBucket to true to have it created", e);
        }
        catch (AmazonServiceException e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            throw Unavailable(
                $"access is denied ({(int)e.StatusCode} {e.ErrorCode}); check {S3StorageSettings.AccessKeyKey}, {S3StorageSettings.SecretKeyKey} and the bucket's permissions", e);
        }
        catch (AmazonServiceException e)
        {
            throw Unavailable($"the server answered {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", e);
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested)) // the SDK's own time-out
        {
            throw Unavailable($"it cannot be reached: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _bucketCreation.Dispose();
    }

    private DocumentStoreUnavailableException Unavailable(string why, Exception inner) => new($"The document store ({Description}) cannot be used: {why}.", inner);

    private string KeyOf(string sha256) => _s3.Prefix + DocumentFileKeys.RelativePathOf(sha256);

    // The object's size, or null when the bucket has no such key.
    private async Task<long?> LengthOfAsync(string key, CancellationToken ct)
    {
        try
        {
            var head = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _s3.Bucket, Key = key }, ct);
            return head.ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // With Storage:S3:CreateBucket the bucket is made on first use rather than at start, so a MinIO that starts after
    // the app is no obstacle; a failed attempt is tried again on the next use.
    private async Task CreateBucketOnceAsync(CancellationToken ct)
    {
        if (!_s3.CreateBucket || _bucketCreated)
        {
            return;
        }

        await _bucketCreation.WaitAsync(ct);
        try
        {
            if (_bucketCreated)
            {
                return;
            }

            try
            {
                await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _s3.Bucket }, ct);
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                try
                {
                    await _client.PutBucketAsync(new PutBucketRequest { BucketName = _s3.Bucket, UseClientRegion = true }, ct);
                }
                catch (AmazonS3Exception taken) when (taken.ErrorCode == "BucketAlreadyOwnedByYou")
                {
                    // Another instance of the app created it a moment ago.
                }
            }

            _bucketCreated = true;
        }
        finally
        {
            _bucketCreation.Release();
        }
    }
}
