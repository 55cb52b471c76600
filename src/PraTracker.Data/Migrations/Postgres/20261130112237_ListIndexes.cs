using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_Status",
                table: "Requests");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_awaiting",
                table: "Requests",
                columns: new[] { "SentOn", "Reference" },
                filter: "\"Status\" IN ('Sent', 'Acknowledged', 'Processing')");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Reference_trigrams",
                table: "Requests",
                column: "Reference")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_Reference",
                table: "Requests",
                columns: new[] { "Status", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Title_trigrams",
                table: "Requests",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_outstanding_by_due",
                table: "Deadlines",
                column: "DueOn",
                filter: "\"Status\" = 'Open' OR (\"Status\" = 'Missed' AND \"ClosedOn\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Deadlines_outstanding_by_request",
                table: "Deadlines",
                columns: new[] { "RequestId", "DueOn" },
                filter: "\"Status\" = 'Open' OR (\"Status\" = 'Missed' AND \"ClosedOn\" IS NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_awaiting",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Reference_trigrams",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Status_Reference",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Requests_Title_trigrams",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_outstanding_by_due",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_outstanding_by_request",
                table: "Deadlines");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status",
                table: "Requests",
                column: "Status");
        }
    }
}
