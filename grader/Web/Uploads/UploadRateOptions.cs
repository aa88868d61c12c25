using System.Globalization;
using Course.Core.Errors;

namespace Course.Grader.Web.Uploads;

/// <summary>
/// How many prediction uploads one user may send (API and page together, refused ones included) per
/// window, from configuration <c>Web:Uploads:PerWindow</c> and <c>Web:Uploads:WindowSeconds</c>
/// (environment <c>Web__Uploads__PerWindow</c>). Default 10 a minute: far above the daily limit's
/// needs, far below what fills a disk or a CPU with scoring.
/// </summary>
internal sealed record UploadRateOptions(int PerWindow, TimeSpan Window)
{
    public static UploadRateOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Web:Uploads");
        var perWindow = section["PerWindow"] is { Length: > 0 } count
            ? int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
                ? parsed
                : throw new BadInputException($"Web:Uploads:PerWindow: '{count}' is not a whole number of 1 or more")
            : 10;
        var window = section["WindowSeconds"] is { Length: > 0 } seconds
            ? double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var length) && length >= 1 && length <= 86_400
                ? TimeSpan.FromSeconds(length)
                : throw new BadInputException($"Web:Uploads:WindowSeconds: '{seconds}' is not a number of seconds from 1 to 86400")
            : TimeSpan.FromMinutes(1);
        return new UploadRateOptions(perWindow, window);
    }
}
