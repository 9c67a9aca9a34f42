using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lessons.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// A digest run writes every subscriber's rendered mail (tens of KB of HTML, text and items each, 100,000 rows in
    /// a run): PostgreSQL compresses values that size, and its default pglz took about four times the CPU of lz4 for
    /// the same size (bench/digest.sh). The model is unchanged; a server built without lz4 keeps pglz.
    /// </summary>
    [DbContext(typeof(PostgresLessonsDbContext))]
    [Migration("20261202034500_DigestCompression")]
    public partial class DigestCompression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    EXECUTE 'ALTER TABLE digest_deliveries ALTER COLUMN "HtmlBody" SET COMPRESSION lz4, '
                        || 'ALTER COLUMN "TextBody" SET COMPRESSION lz4, ALTER COLUMN "Items" SET COMPRESSION lz4';
                EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
                    NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    EXECUTE 'ALTER TABLE digest_deliveries ALTER COLUMN "HtmlBody" SET COMPRESSION pglz, '
                        || 'ALTER COLUMN "TextBody" SET COMPRESSION pglz, ALTER COLUMN "Items" SET COMPRESSION pglz';
                EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
                    NULL;
                END $$;
                """);
        }
    }
}
