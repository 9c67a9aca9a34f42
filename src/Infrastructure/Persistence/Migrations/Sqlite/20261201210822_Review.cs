using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lessons.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnComment",
                table: "reports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeNote",
                table: "report_revisions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsAnonymous",
                table: "report_revisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RedactedAt",
                table: "report_revisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "report_revisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "approved");

            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "report_revisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "public");

            // Earlier revisions kept no visibility or anonymity of their own; the report's is the best guess, and
            // the safe one for anonymous reports (their revisions become staff-only).
            migrationBuilder.Sql("""
                UPDATE report_revisions SET "Visibility" = (SELECT r."Visibility" FROM reports r WHERE r."Id" = report_revisions."ReportId"), "IsAnonymous" = (SELECT r."IsAnonymous" FROM reports r WHERE r."Id" = report_revisions."ReportId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReturnComment",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ChangeNote",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "IsAnonymous",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "report_revisions");
        }
    }
}
