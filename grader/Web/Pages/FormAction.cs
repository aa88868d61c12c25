using Course.Core.Errors;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Grader.Web.Pages;

/// <summary>
/// How a page's form endpoint answers: it checks the form's antiforgery token, runs the action as the signed-in user and
/// shows its page again with what the action said, or why it could not (with its HTTP status).
/// </summary>
internal static class FormAction
{
    /// <param name="page">The page's own parameters (its route values), beside the <c>Message</c> this adds.</param>
    public static async Task<RazorComponentResult<TPage>> RunAsync<TPage>(HttpContext context,
        Func<string, IFormCollection, Task<PageMessage>> action, IReadOnlyDictionary<string, object?>? page = null) where TPage : IComponent
    {
        if (!await PageForms.IsValidAsync(context))
        {
            return Page<TPage>(page, PageMessage.Error("The form expired; please try again."), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        try
        {
            return Page<TPage>(page, await action(context.User.Identity!.Name!, form));
        }
        catch (CourseException error)
        {
            return Page<TPage>(page, PageMessage.Error(error.Message), error.HttpStatus);
        }
    }

    private static RazorComponentResult<TPage> Page<TPage>(IReadOnlyDictionary<string, object?>? page, PageMessage message,
        int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new(new Dictionary<string, object?>(page ?? new Dictionary<string, object?>()) { ["Message"] = message }) { StatusCode = status };
}
