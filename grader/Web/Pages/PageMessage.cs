namespace Course.Grader.Web.Pages;

/// <summary>What a page says above its content after a form was sent: a notice, or an error naming what went wrong.</summary>
public sealed record PageMessage(string Text, bool IsError)
{
    public static PageMessage Notice(string text) => new(text, IsError: false);

    public static PageMessage Error(string text) => new(text, IsError: true);
}
