using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class JobGpus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GpuDevices",
                table: "grader_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Gpus",
                table: "grader_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Host",
                table: "grader_jobs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GpuDevices",
                table: "grader_jobs");

            migrationBuilder.DropColumn(
                name: "Gpus",
                table: "grader_jobs");

            migrationBuilder.DropColumn(
                name: "Host",
                table: "grader_jobs");
        }
    }
}
