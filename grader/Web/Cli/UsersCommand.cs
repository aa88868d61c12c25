using System.CommandLine;
using Course.Core.Cli;
using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Cli;

/// <summary><c>grader users token LOGIN</c>: prints a new API token for a staff member or a student.</summary>
internal static class UsersCommand
{
    public static Command Create(CliHost host)
    {
        var login = new Argument<string>("LOGIN") { Description = "Course login (staff in course.json or a student in the roster)" };
        var token = new Command("token", "Print a new API token for LOGIN (only its hash is stored)") { login };
        host.Handle(token, async context =>
        {
            await using var scope = context.CreateScope();
            var issued = await scope.ServiceProvider.GetRequiredService<TokenIssuer>().IssueAsync(context.Get(login), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { login = context.Get(login), token = issued });
            }
            else
            {
                await context.Out.WriteLineAsync(issued);
            }

            return 0;
        });
        return new Command("users", "API users and their tokens") { token };
    }
}
