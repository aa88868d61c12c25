using System.Globalization;
using Course.Core.Settings;

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
        var section = new SettingsSection(configuration, "Web:Uploads");
        var perWindow = section.Read("PerWindow", 10, (string text, out int count) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0, "a whole number of 1 or more");
        var window = section.Read("WindowSeconds", TimeSpan.FromMinutes(1), (string text, out TimeSpan length) =>
        {
            var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 86_400;
            length = ok ? TimeSpan.FromSeconds(seconds) : default;
            return ok;
        }, "a number of seconds from 1 to 86400");
        return new UploadRateOptions(perWindow, window);
    }
}
