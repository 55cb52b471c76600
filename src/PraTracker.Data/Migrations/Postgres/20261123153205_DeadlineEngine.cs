using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DeadlineEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_HolidayRules_Month",
                table: "HolidayRules");

            migrationBuilder.AddColumn<string>(
                name: "ClarificationEffect",
                table: "Laws",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FeeEstimateEffect",
                table: "Laws",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Jurisdiction",
                table: "Laws",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MaxExtensions",
                table: "Laws",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "Month",
                table: "HolidayRules",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "YearDivisibleBy",
                table: "HolidayRules",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "HolidayCalendarId",
                table: "HolidayClosures",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "HolidayClosures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "HolidayCalendars",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastCheckedOn",
                table: "HolidayCalendars",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "HolidayCalendars",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Warning",
                table: "Deadlines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_HolidayRules_Month",
                table: "HolidayRules",
                sql: "\"Month\" IS NULL OR \"Month\" BETWEEN 1 AND 12");

            migrationBuilder.CreateIndex(
                name: "IX_HolidayClosures_AgencyId_Date",
                table: "HolidayClosures",
                columns: new[] { "AgencyId", "Date" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_HolidayClosures_Owner",
                table: "HolidayClosures",
                sql: "(\"HolidayCalendarId\" IS NULL) <> (\"AgencyId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_HolidayClosures_Agencies_AgencyId",
                table: "HolidayClosures",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_HolidayClosures_Agencies_AgencyId",
                table: "HolidayClosures");

            migrationBuilder.DropCheckConstraint(
                name: "CK_HolidayRules_Month",
                table: "HolidayRules");

            migrationBuilder.DropIndex(
                name: "IX_HolidayClosures_AgencyId_Date",
                table: "HolidayClosures");

            migrationBuilder.DropCheckConstraint(
                name: "CK_HolidayClosures_Owner",
                table: "HolidayClosures");

            migrationBuilder.DropColumn(
                name: "ClarificationEffect",
                table: "Laws");

            migrationBuilder.DropColumn(
                name: "FeeEstimateEffect",
                table: "Laws");

            migrationBuilder.DropColumn(
                name: "Jurisdiction",
                table: "Laws");

            migrationBuilder.DropColumn(
                name: "MaxExtensions",
                table: "Laws");

            migrationBuilder.DropColumn(
                name: "YearDivisibleBy",
                table: "HolidayRules");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "HolidayClosures");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "HolidayCalendars");

            migrationBuilder.DropColumn(
                name: "LastCheckedOn",
                table: "HolidayCalendars");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "HolidayCalendars");

            migrationBuilder.DropColumn(
                name: "Warning",
                table: "Deadlines");

            migrationBuilder.AlterColumn<int>(
                name: "Month",
                table: "HolidayRules",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "HolidayCalendarId",
                table: "HolidayClosures",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_HolidayRules_Month",
                table: "HolidayRules",
                sql: "\"Month\" BETWEEN 1 AND 12");
        }
    }
}
