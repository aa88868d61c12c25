using Course.Assignments.Model;

namespace Course.Grader.Intake.GitHub;

/// <summary>Reads the course's <c>github.repositoryPattern</c> ("{assignment}-{login}") both ways.</summary>
internal static class RepositoryNames
{
    /// <summary>The fixed text before and after "{login}" for <paramref name="assignment"/>, e.g. ("hw3-", "").</summary>
    public static (string Prefix, string Suffix) Affixes(GitHubSettings? settings, string assignment)
    {
        var pattern = (settings ?? new GitHubSettings()).RepositoryName(assignment, "\0");
        var split = pattern.IndexOf('\0', StringComparison.Ordinal);
        return split < 0 ? (pattern, "") : (pattern[..split], pattern[(split + 1)..]);
    }

    /// <summary>The login part of <paramref name="repository"/> for <paramref name="assignment"/>, or null when it does not match.</summary>
    public static string? Login(GitHubSettings? settings, string assignment, string repository)
    {
        var (prefix, suffix) = Affixes(settings, assignment);
        return repository.Length > prefix.Length + suffix.Length
               && repository.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
               && repository.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            ? repository[prefix.Length..^suffix.Length]
            : null;
    }

    /// <summary>The assignment and login a repository belongs to; the longest matching prefix wins ("hw10-" over "hw1").</summary>
    public static (AssignmentSpec Assignment, string Login)? Match(CourseSpec course, string repository) =>
        course.Assignments
            .Select(a => (Assignment: a, Login: Login(course.GitHub, a.Id, repository), Length: Affixes(course.GitHub, a.Id).Prefix.Length))
            .Where(m => m.Login is not null)
            .OrderByDescending(m => m.Length)
            .Select(m => ((AssignmentSpec, string)?)(m.Assignment, m.Login!))
            .FirstOrDefault();
}
