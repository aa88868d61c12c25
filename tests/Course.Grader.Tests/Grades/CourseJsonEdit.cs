using System.Text.Json.Nodes;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Grades;

/// <summary>Changes a test course's course.json in place (a setting, an extra assignment); every later command reads the change.</summary>
internal static class CourseJsonEdit
{
    public static async Task ApplyAsync(TestCourse course, Action<JsonObject> change)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(course.CourseFile))!.AsObject();
        change(json);
        await File.WriteAllTextAsync(course.CourseFile, json.ToJsonString());
    }
}
