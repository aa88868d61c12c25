using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Leaderboard.Migrations
{
    /// <inheritdoc />
    public partial class TeamDayLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leaderboard_team_days",
                columns: table => new
                {
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Team = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<string>(type: "text", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leaderboard_team_days", x => new { x.Assignment, x.Team, x.Day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leaderboard_team_days");
        }
    }
}
