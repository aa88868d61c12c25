namespace Course.Grader.Web.Pages;

/// <summary>The addresses of the review pages and their forms, each part escaped (team names are free text).</summary>
internal static class ReviewLinks
{
    public static string Case(string assignment, string owner) => $"/review/{Uri.EscapeDataString(assignment)}/{Uri.EscapeDataString(owner)}";

    public static string Action(string assignment, string owner, string action) => $"{Case(assignment, owner)}/{action}";
}
