using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Course.Core.Errors;

namespace Course.Grader.Storage;

/// <summary>
/// What a failed S3 call means to the operator: the message names the setting to look at (the endpoint, the
/// bucket, the keys) and the store's own words, as a <see cref="WorkFailedException"/>: a run that meets it is
/// retried, and a command exits 1.
/// </summary>
internal sealed class S3Errors(StorageSettings settings)
{
    private const string Prefix = StorageSettings.Prefix;

    /// <summary>Runs <paramref name="call"/>, translating its failure.</summary>
    public async Task<T> Guard<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (Translate(error, action) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>The failure to report for <paramref name="error"/>; null when it is not the store's (a cancellation, a bug).</summary>
    public WorkFailedException? Translate(Exception error, string action)
    {
        var where = $"the S3 store at {settings.Where}";
        if (error is AmazonServiceException service && (service.ErrorCode is not null || service.StatusCode != 0))
        {
            return service.ErrorCode switch
            {
                "NoSuchBucket" => new($"{where} has no bucket '{settings.Bucket}' ({Prefix}Bucket): could not {action}", error),
                "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "InvalidToken" or "ExpiredToken" => new(
                    $"{where} refused the credentials ({Prefix}AccessKey, {Prefix}SecretKey) for bucket '{settings.Bucket}': {service.ErrorCode}: {service.Message}", error),
                _ when service.StatusCode == HttpStatusCode.Forbidden => new(
                    $"{where} refused the credentials ({Prefix}AccessKey, {Prefix}SecretKey) for bucket '{settings.Bucket}': {service.Message}", error),
                _ => new($"{where} could not {action} in bucket '{settings.Bucket}': {service.ErrorCode ?? service.StatusCode.ToString()}: {service.Message}", error),
            };
        }

        if (Unreachable(error))
        {
            return new($"{where} cannot be reached ({Prefix}Endpoint, {Prefix}Region): could not {action}: {Innermost(error).Message}", error);
        }

        return error is AmazonClientException or AmazonServiceException
            ? new($"{where} could not {action} in bucket '{settings.Bucket}': {error.Message}", error)
            : null;
    }

    /// <summary>A network failure, or a timeout (a cancellation no caller asked for).</summary>
    private static bool Unreachable(Exception error) =>
        Chain(error).Any(e => e is HttpRequestException or SocketException or IOException or TimeoutException)
        || error is TaskCanceledException { CancellationToken.IsCancellationRequested: false };

    private static Exception Innermost(Exception error) => Chain(error).Last();

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
