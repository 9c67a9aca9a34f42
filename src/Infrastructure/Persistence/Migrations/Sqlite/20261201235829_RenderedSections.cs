using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lessons.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RenderedSections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "background_html",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lessons_html",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recommendations_html",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "result_html",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "what_we_did_html",
                table: "reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "background_html",
                table: "report_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lessons_html",
                table: "report_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recommendations_html",
                table: "report_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "result_html",
                table: "report_revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "what_we_did_html",
                table: "report_revisions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "background_html",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "lessons_html",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "recommendations_html",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "result_html",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "what_we_did_html",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "background_html",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "lessons_html",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "recommendations_html",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "result_html",
                table: "report_revisions");

            migrationBuilder.DropColumn(
                name: "what_we_did_html",
                table: "report_revisions");
        }
    }
}
