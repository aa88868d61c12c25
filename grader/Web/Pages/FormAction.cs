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
    public static async Task<RazorComponentResult<TPage>> RunAsync<TPage>(HttpContext context,
        Func<string, IFormCollection, Task<PageMessage>> action) where TPage : IComponent
    {
        if (!await PageForms.IsValidAsync(context))
        {
            return Page<TPage>(PageMessage.Error("The form expired; please try again."), StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        try
        {
            return Page<TPage>(await action(context.User.Identity!.Name!, form));
        }
        catch (CourseException error)
        {
            return Page<TPage>(PageMessage.Error(error.Message), error.HttpStatus);
        }
    }

    private static RazorComponentResult<TPage> Page<TPage>(PageMessage message, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new(new { Message = message }) { StatusCode = status };
}
