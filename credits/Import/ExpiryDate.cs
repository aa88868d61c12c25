using Course.Assignments.Model;
using Course.Assignments.Model.Values;

namespace Course.Credits.Import;

/// <summary>Reads an expiry written by staff; a bare date means the end of that day in the course's time zone.</summary>
internal static class ExpiryDate
{
    public static bool TryRead(string text, CourseTimes times, out DateTimeOffset expires)
    {
        if (!CourseTime.TryParse(text, times.Zone, out expires))
        {
            return false;
        }

        if (text.Trim().Length == "yyyy-MM-dd".Length)
        {
            // A provider's "valid until 2027-06-30" includes that day.
            var local = expires.DateTime.AddDays(1);
            expires = new DateTimeOffset(local, times.Zone.GetUtcOffset(local));
        }

        return true;
    }
}
