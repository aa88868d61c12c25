using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Course.Grader.Submissions.Migrations
{
    /// <inheritdoc />
    public partial class BlobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SnapshotPath",
                table: "grader_submissions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "SnapshotKey",
                table: "grader_submissions",
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FeedbackPath",
                table: "grader_results",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "FeedbackKey",
                table: "grader_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MetricsLogKey",
                table: "grader_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutputsKey",
                table: "grader_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainingCurveKey",
                table: "grader_results",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "grader_blob_chunks",
                columns: table => new
                {
                    Content = table.Column<string>(type: "text", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_blob_chunks", x => new { x.Content, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "grader_blobs",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    StoredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_blobs", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "grader_calibrations",
                columns: table => new
                {
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    ArchiveKey = table.Column<string>(type: "text", nullable: false),
                    StoredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_calibrations", x => x.Assignment);
                });

            migrationBuilder.CreateTable(
                name: "grader_uploads",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Assignment = table.Column<string>(type: "text", nullable: false),
                    Uploader = table.Column<string>(type: "text", nullable: true),
                    Key = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grader_uploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grader_uploads_Assignment",
                table: "grader_uploads",
                column: "Assignment");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grader_blob_chunks");

            migrationBuilder.DropTable(
                name: "grader_blobs");

            migrationBuilder.DropTable(
                name: "grader_calibrations");

            migrationBuilder.DropTable(
                name: "grader_uploads");

            migrationBuilder.DropColumn(
                name: "SnapshotKey",
                table: "grader_submissions");

            migrationBuilder.DropColumn(
                name: "FeedbackKey",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "MetricsLogKey",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "OutputsKey",
                table: "grader_results");

            migrationBuilder.DropColumn(
                name: "TrainingCurveKey",
                table: "grader_results");

            migrationBuilder.AlterColumn<string>(
                name: "SnapshotPath",
                table: "grader_submissions",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FeedbackPath",
                table: "grader_results",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
