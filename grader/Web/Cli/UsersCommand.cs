using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Errors;
using Course.Grader.Web.Auth;

namespace Course.Grader.Web.Cli;

/// <summary>
/// <c>grader users token LOGIN [--expires 90d]</c> prints a new API token for a staff member or a student;
/// <c>grader users tokens [LOGIN]</c> lists tokens; <c>grader users revoke ID | --all LOGIN</c> revokes them.
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CliHost host) =>
        new("users", "API users and their tokens") { Token(host), Tokens(host), Revoke(host) };

    private static Command Token(CliHost host)
    {
        var login = new Argument<string>("LOGIN") { Description = "Course login (staff in course.json or a student in the roster)" };
        var expires = new Option<string?>("--expires")
        {
            Description = $"How long the token signs in, e.g. 30d or 12h (default {TokenLifetime.Default.TotalDays:0}d, at most {TokenLifetime.Longest.TotalDays:0}d)",
        };
        var command = new Command("token", "Print a new API token for LOGIN (only its hash is stored)") { login, expires };
        host.Handle(command, async context =>
        {
            var lifetime = TokenLifetime.Parse(context.Get(expires));
            await using var scope = context.CreateScope();
            var (token, stored) = await scope.ServiceProvider.GetRequiredService<TokenIssuer>()
                .IssueAsync(context.Get(login), lifetime, context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(new { login = stored.Login, token, id = stored.Id, expiresAt = stored.ExpiresAt });
            }
            else
            {
                await context.Out.WriteLineAsync(token);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tokens(CliHost host)
    {
        var login = new Argument<string?>("LOGIN") { Description = "Only this login's tokens", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("tokens", "List API tokens: id, login, created, expires, last used, state (never the token)") { login };
        host.Handle(command, async context =>
        {
            await using var scope = context.CreateScope();
            var rows = await Registry(scope).ListAsync(context.Get(login), context.Cancellation);
            if (context.Json)
            {
                await context.WriteJsonAsync(rows);
            }
            else
            {
                await TokensTable.PrintAsync(context.Out, rows);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliHost host)
    {
        var id = new Argument<string?>("ID") { Description = "The token's id (grader users tokens)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<string?>("--all") { Description = "Revoke every token of this login instead" };
        var command = new Command("revoke", "Revoke a token, or every token of a login: it signs in nowhere from now on") { id, all };
        host.Handle(command, async context =>
        {
            var (one, login) = (context.Get(id), context.Get(all));
            if ((one is null) == (login is null))
            {
                throw new BadInputException("ID or --all LOGIN: give exactly one of them");
            }

            await using var scope = context.CreateScope();
            var registry = Registry(scope);
            if (one is not null)
            {
                var (token, revoked) = await registry.RevokeAsync(one, context.Cancellation);
                await Report(context, revoked ? [token.Id] : [],
                    revoked ? $"revoked {token.Id} of {token.Login}" : $"{token.Id} of {token.Login} was already revoked");
            }
            else
            {
                var revoked = await registry.RevokeAllAsync(login!, context.Cancellation);
                await Report(context, revoked, $"revoked {revoked.Count} token(s) of {login}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Task Report(CommandContext context, IReadOnlyList<string> revoked, string line) =>
        context.Json ? context.WriteJsonAsync(new { revoked }) : context.Out.WriteLineAsync(line);

    private static TokenRegistry Registry(AsyncServiceScope scope) => ActivatorUtilities.CreateInstance<TokenRegistry>(scope.ServiceProvider);
}
