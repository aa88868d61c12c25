using System.Net.Sockets;
using Course.Sandbox.Running;
using Docker.DotNet;

namespace Course.Sandbox.Engine;

/// <summary>
/// Turns the engine's failures into <see cref="SandboxUnavailableException"/> with a message a
/// person can act on. This is a real boundary: every engine call goes through here.
/// </summary>
internal static class EngineCall
{
    public static async Task<T> RunAsync<T>(Uri engine, string what, Func<Task<T>> call,
        CancellationToken cancellation)
    {
        try
        {
            return await call();
        }
        catch (DockerImageNotFoundException missing)
        {
            throw new SandboxUnavailableException(
                $"{what}: image not found on the Docker engine ({Short(missing.ResponseBody)}); build it with `grader images build`",
                missing);
        }
        catch (DockerApiException refused)
        {
            throw new SandboxUnavailableException(
                $"{what}: the Docker engine answered {(int)refused.StatusCode}: {Short(refused.ResponseBody)}", refused);
        }
        catch (Exception failure) when (IsUnreachable(failure) && !cancellation.IsCancellationRequested)
        {
            throw new SandboxUnavailableException(
                $"{what}: the Docker engine at {engine} is not reachable ({failure.Message}); is dockerd running? " +
                "scripts/prerequisites.sh installs and starts it", failure);
        }
    }

    public static Task RunAsync(Uri engine, string what, Func<Task> call, CancellationToken cancellation) =>
        RunAsync(engine, what, async () =>
        {
            await call();
            return true;
        }, cancellation);

    private static bool IsUnreachable(Exception failure) =>
        failure is HttpRequestException or IOException or SocketException or TimeoutException
            or OperationCanceledException or DockerApiException;

    private static string Short(string? body)
    {
        var text = (body ?? "").Trim();
        return text.Length <= 300 ? text : text[..300] + "...";
    }
}
