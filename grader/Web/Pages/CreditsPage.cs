using System.Globalization;
using System.Text;
using Course.Core.Errors;
using Course.Credits.Issuing;
using Course.Credits.Students;
using Course.Grader.Web.Api;
using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Pages;

/// <summary>
/// <c>/credits</c>: "where is my code" in one look. A student sees each code they hold (status, when it
/// was e-mailed and to which address, expiry), asks for an on-request code, and says a code worked or
/// won't redeem. Staff look up a student with <c>?student=</c> (read only). Codes themselves travel by
/// e-mail only, never on a page.
/// </summary>
internal static class CreditsPage
{
    public static IEndpointRouteBuilder MapCreditsPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/credits", (string? student, HttpContext context, IStudentCredits credits) =>
            Html.OrProblemAsync(context, () => ShowAsync(student, context, credits, notice: null)));
        routes.MapPost("/credits/request", (HttpContext context, IStudentCredits credits, ICreditRequests requests) =>
            ActAsync(context, credits, async (login, form) =>
            {
                var answer = CreditRequestAnswer.Of(await requests.RequestAsync(login, form["policy"].ToString(), context.RequestAborted));
                return answer.Outcome is "issued" or "alreadyIssued" ? Notice(answer.Message) : Problem(answer.Message);
            })).RequireAuthorization(Roles.StudentPolicy);
        routes.MapPost("/credits/{codeId}/redeemed", (string codeId, HttpContext context, IStudentCredits credits) =>
            ActAsync(context, credits, async (login, _) =>
            {
                await credits.ConfirmRedeemedAsync(login, codeId, context.RequestAborted);
                return Notice($"Thank you: code {codeId} is marked as redeemed.");
            })).RequireAuthorization(Roles.StudentPolicy);
        routes.MapPost("/credits/{codeId}/problem", (string codeId, HttpContext context, IStudentCredits credits) =>
            ActAsync(context, credits, async (login, form) =>
            {
                await credits.ReportProblemAsync(login, codeId, form["reason"].ToString(), context.RequestAborted);
                return Notice($"Reported: the staff get your report on code {codeId} by e-mail and will replace the code.");
            })).RequireAuthorization(Roles.StudentPolicy);
        return routes;
    }

    private static async Task<IResult> ShowAsync(string? student, HttpContext context, IStudentCredits credits, string? notice,
        int status = StatusCodes.Status200OK)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Redirect("/login");
        }

        var own = context.User.IsInRole(Roles.Student);
        if (!own && string.IsNullOrWhiteSpace(student))
        {
            return Html.Page(context, "Compute credits", (notice ?? "") + LookupForm(), status);
        }

        var login = CreditsApi.WhoseCredits(context.User, student)
            ?? throw new NotFoundException("students see their own credits only");
        var shown = await credits.ShowAsync(login, context.RequestAborted);
        var body = new StringBuilder(notice ?? "");
        body.Append(own
            ? "<p class=\"muted\">Each code comes by e-mail; the code itself is never shown here. Lost the e-mail? Ask the staff and quote the code id.</p>"
            : LookupForm(login));
        body.Append(CodeTable(shown.Codes, own ? context : null));
        body.Append(RequestForms(shown.Requestable, own ? context : null));
        return Html.Page(context, own ? "Your compute credits" : $"Compute credits of {login}", body.ToString(), status);
    }

    /// <summary>Checks the form's antiforgery token, runs the action and shows the page again with what it said (or why it could not).</summary>
    private static Task<IResult> ActAsync(HttpContext context, IStudentCredits credits, Func<string, IFormCollection, Task<string>> action) =>
        Html.OrProblemAsync(context, async () =>
        {
            if (!await Antiforgery.IsValidAsync(context))
            {
                return await ShowAsync(null, context, credits, Problem("The form expired; please try again."), StatusCodes.Status400BadRequest);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            try
            {
                return await ShowAsync(null, context, credits, await action(context.User.Identity!.Name!, form));
            }
            catch (CourseException error)
            {
                return await ShowAsync(null, context, credits, Problem(error.Message), error.HttpStatus);
            }
        });

    private static string CodeTable(IReadOnlyList<HeldCode> codes, HttpContext? actions)
    {
        if (codes.Count == 0)
        {
            return """<p class="muted">No codes yet.</p>""";
        }

        var text = new StringBuilder("<table><tr><th>Code id</th><th>Credit</th><th>Status</th><th>E-mailed</th><th>Expires</th>");
        text.Append(actions is null ? "</tr>" : "<th></th></tr>");
        foreach (var code in codes)
        {
            var emailed = code.EmailedAt is { } at
                ? $"{at:yyyy-MM-dd HH:mm} UTC to {Html.Text(code.EmailedTo)}"
                : code.Status is "issued" ? "waiting to be sent" : "–";
            text.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Html.Text(code.Id)}</td><td class=\"nowrap\">{Html.Text(code.Provider)} {code.Value:0.##}</td><td>{Html.Text(Describe(code))}</td>" +
                $"<td>{emailed}</td><td class=\"nowrap\">{code.ExpiresAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"}</td>");
            text.Append(actions is null ? "</tr>" : $"<td>{CodeActions(code, actions)}</td></tr>");
        }

        return text.Append("</table>").ToString();
    }

    private static string Describe(HeldCode code) => code.Status switch
    {
        "redeemed" => $"redeemed{(code.RedeemedAt is { } at ? $" {at:yyyy-MM-dd}" : "")}",
        "problem" => "problem reported: the staff will replace it",
        "replaced" => $"replaced by {code.ReplacedBy}",
        _ => code.Status,
    };

    private static string CodeActions(HeldCode code, HttpContext context)
    {
        if (code.Status is not ("issued" or "sent"))
        {
            return "";
        }

        var path = $"/credits/{Uri.EscapeDataString(code.Id)}";
        return $"""
            <form method="post" action="{path}/redeemed" class="inline">{Antiforgery.Field(context)}<button>It worked</button></form>
            <form method="post" action="{path}/problem" class="inline">{Antiforgery.Field(context)}<input name="reason" required maxlength="500" placeholder="What went wrong?" aria-label="What went wrong with code {Html.Text(code.Id)}"><button>It won't redeem</button></form>
            """;
    }

    private static string RequestForms(IReadOnlyList<RequestableCredit> requestable, HttpContext? actions)
    {
        if (requestable.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder("<h2>On request</h2><table><tr><th>Policy</th><th>Credit</th><th>Requested</th><th></th></tr>");
        foreach (var policy in requestable)
        {
            var button = policy.OpensAt is { } opens ? $"from {opens.ToUniversalTime():yyyy-MM-dd HH:mm} UTC"
                : actions is not null && policy.CanRequest
                ? $"""<form method="post" action="/credits/request" class="inline">{Antiforgery.Field(actions)}<input type="hidden" name="policy" value="{Html.Text(policy.Policy)}"><button>Request</button></form>"""
                : "";
            text.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Html.Text(policy.Policy)}</td><td>{Html.Text(policy.Provider)} {policy.Value:0.##}</td><td>{policy.Held} of {policy.Allowance}</td><td>{button}</td></tr>");
        }

        return text.Append("</table>").ToString();
    }

    private static string LookupForm(string? login = null) => $"""
        <form method="get" action="/credits"><label>Student <input name="student" value="{Html.Text(login)}" required></label> <button>Show</button></form>
        """;

    private static string Notice(string message) => $"""<p class="notice">{Html.Text(message)}</p>""";

    private static string Problem(string message) => $"""<p class="error">{Html.Text(message)}</p>""";
}
