using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Course.Grader.Storage;

/// <summary>The S3 client <see cref="StorageSettings"/> describe.</summary>
internal static class S3Connection
{
    public static AmazonS3Client Client(StorageSettings settings)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            MaxErrorRetry = 2,
            // Checksums only where an operation requires them: S3-compatible servers need not know the newer
            // trailing-checksum encoding, and SigV4 already signs each part's SHA-256.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (settings.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = settings.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        return settings.AccessKey is { } accessKey
            ? new AmazonS3Client(new BasicAWSCredentials(accessKey, settings.SecretKey), config)
            : new AmazonS3Client(config);
    }
}
