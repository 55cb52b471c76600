using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Sqlite
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

            migrationBuilder.CreateIndex(
                name: "IX_Requests_awaiting",
                table: "Requests",
                columns: new[] { "SentOn", "Reference" },
                filter: "\"Status\" IN ('Sent', 'Acknowledged', 'Processing')");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status_Reference",
                table: "Requests",
                columns: new[] { "Status", "Reference" });

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
                name: "IX_Requests_Status_Reference",
                table: "Requests");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_outstanding_by_due",
                table: "Deadlines");

            migrationBuilder.DropIndex(
                name: "IX_Deadlines_outstanding_by_request",
                table: "Deadlines");

            migrationBuilder.CreateIndex(
                name: "IX_Requests_Status",
                table: "Requests",
                column: "Status");
        }
    }
}
