using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "Documents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReleasedOn",
                table: "Documents",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ReleasedOn",
                table: "Documents",
                column: "ReleasedOn");

            // Documents uploaded before release dates were kept take their production's date, else today.
            migrationBuilder.Sql("""
                UPDATE Documents SET ReleasedOn = coalesce(
                    (SELECT e.OccurredOn FROM RequestEvents AS e WHERE e.Id = Documents.RequestEventId), date('now'));
                """);

            // The FTS5 index that search reads on SQLite, kept in step by triggers, filled with what is already here.
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentSearch.SqliteCreate);
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentSearch.SqliteRebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PraTracker.Data.Documents.DocumentSearch.SqliteDrop);

            migrationBuilder.DropIndex(
                name: "IX_Documents_ReleasedOn",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "ReleasedOn",
                table: "Documents");
        }
    }
}
