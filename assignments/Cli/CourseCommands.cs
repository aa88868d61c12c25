using System.CommandLine;
using Course.Assignments.Validation;
using Course.Core.Cli;
using Course.Core.Errors;

namespace Course.Assignments.Cli;

/// <summary><c>grader course validate</c>.</summary>
internal static class CourseCommands
{
    public static Command Create(CliHost host)
    {
        var validate = new Command("validate", "Check course.json and report every problem with its JSON path");
        host.Handle(validate, async context =>
        {
            var paths = context.Course;
            var (course, problems) = CourseLoader.TryLoad(paths.CourseFile);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { valid = problems.Count == 0, problems });
            }
            else if (problems.Count == 0)
            {
                await context.Out.WriteLineAsync(
                    $"{paths.CourseFile}: valid ({course!.Assignments.Count} assignments, {course.Staff.Count} staff)");
            }
            else
            {
                foreach (var problem in problems)
                {
                    await context.Error.WriteLineAsync(problem);
                }

                await context.Error.WriteLineAsync($"{problems.Count} problem(s) in {paths.CourseFile}");
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return new Command("course", "The course file") { validate };
    }
}
