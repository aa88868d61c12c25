using System.CommandLine;

namespace Course.Core.Cli;

/// <summary>Options every command understands.</summary>
public static class GlobalOptions
{
    /// <summary><c>--course</c>: the course file; defaults to ./course.json.</summary>
    public static Option<string> Course { get; } = new("--course")
    {
        Description = "Path of course.json",
        DefaultValueFactory = _ => "course.json",
        Recursive = true,
    };

    /// <summary><c>--json</c>: machine-readable output on read commands.</summary>
    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of a table",
        Recursive = true,
    };
}
