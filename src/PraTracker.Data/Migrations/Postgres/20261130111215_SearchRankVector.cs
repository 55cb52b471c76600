using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchRankVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "RankVector",
                table: "Documents",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"Description\", '')), 'B') || setweight(to_tsvector('english'::regconfig, left(coalesce(\"ExtractedText\", ''), 1000)), 'C')",
                stored: true);

            // Hand-written, not generated: with statistics on the search vector, the planner sees that a common word
            // matches most documents and scans the whole table, detoasting every ~30 KB vector to test it (3 s for
            // 50,000 documents in the benchmark, docs/performance.md), where the GIN index finds the same rows in
            // milliseconds. Without statistics it assumes a word is rare and always takes the index. Changing the
            // column to its own type is what drops the statistics already gathered; it does not rewrite the table.
            migrationBuilder.Sql("""
                ALTER TABLE "Documents" ALTER COLUMN "SearchVector" SET STATISTICS 0;
                ALTER TABLE "Documents" ALTER COLUMN "SearchVector" TYPE tsvector;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Documents" ALTER COLUMN "SearchVector" SET STATISTICS -1;""");

            migrationBuilder.DropColumn(
                name: "RankVector",
                table: "Documents");
        }
    }
}
