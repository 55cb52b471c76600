using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyCounty : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "County",
                table: "Agencies",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "County",
                table: "Agencies");
        }
    }
}
