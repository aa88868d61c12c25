namespace Course.Assignments.Model;

public sealed record RubricItem(string Id, string Description, double Points);
