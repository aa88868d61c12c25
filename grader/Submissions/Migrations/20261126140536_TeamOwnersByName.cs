using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <summary>
    /// A team's work is filed under the team's name on its assignment, as the roster names teams
    /// everywhere (the leaderboard, the grade book, credits); it was filed under "assignment/name".
    /// A login never holds '/', so only team owners match. Data only: the model is unchanged.
    /// </summary>
    public partial class TeamOwnersByName : Migration
    {
        private static readonly string[] Tables = ["grader_submissions", "grader_jobs", "grader_results"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} SET "Owner" = substr("Owner", length("Assignment") + 2)
                    WHERE substr("Owner", 1, length("Assignment") + 1) = "Assignment" || '/'
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE grader_jobs SET "Owner" = "Assignment" || '/' || "Owner"
                WHERE "SubmissionId" IN (SELECT "Id" FROM grader_submissions WHERE "IsTeam")
                """);
            migrationBuilder.Sql("""
                UPDATE grader_results SET "Owner" = "Assignment" || '/' || "Owner"
                WHERE "SubmissionId" IN (SELECT "Id" FROM grader_submissions WHERE "IsTeam")
                """);
            migrationBuilder.Sql("""UPDATE grader_submissions SET "Owner" = "Assignment" || '/' || "Owner" WHERE "IsTeam" """);
        }
    }
}
