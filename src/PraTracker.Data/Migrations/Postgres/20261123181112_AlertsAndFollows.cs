using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PraTracker.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertsAndFollows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "DeadlineId",
                table: "ReminderDispatches",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ContractId",
                table: "ReminderDispatches",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Milestone",
                table: "ReminderDispatches",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MilestoneOn",
                table: "ReminderDispatches",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AlertDelivery",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Hand-edited: existing users keep one e-mail per alert, as before this migration.
                defaultValue: "EachAlert");

            migrationBuilder.AddColumn<string>(
                name: "AlertLeadDays",
                table: "AspNetUsers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalendarFeedTokenHash",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DigestHour",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                // Hand-edited: existing users get the default digest hour (AlertPreferences.DefaultDigestHour).
                defaultValue: 8);

            migrationBuilder.CreateTable(
                name: "Follows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: true),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Follows", x => x.Id);
                    table.CheckConstraint("CK_Follows_one_subject", "(\"AgencyId\" IS NULL) <> (\"VendorId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Follows_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Follows_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Follows_Vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "Vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDispatches_contract_alert",
                table: "ReminderDispatches",
                columns: new[] { "ContractId", "Milestone", "MilestoneOn", "RecipientUserId", "LeadDays" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_ReminderDispatches_one_subject",
                table: "ReminderDispatches",
                sql: "(\"DeadlineId\" IS NOT NULL AND \"ContractId\" IS NULL AND \"Milestone\" IS NULL) OR (\"DeadlineId\" IS NULL AND \"ContractId\" IS NOT NULL AND \"Milestone\" IS NOT NULL AND \"MilestoneOn\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CalendarFeedTokenHash",
                table: "AspNetUsers",
                column: "CalendarFeedTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Follows_AgencyId",
                table: "Follows",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Follows_UserId_AgencyId",
                table: "Follows",
                columns: new[] { "UserId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Follows_UserId_VendorId",
                table: "Follows",
                columns: new[] { "UserId", "VendorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Follows_VendorId",
                table: "Follows",
                column: "VendorId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReminderDispatches_Contracts_ContractId",
                table: "ReminderDispatches",
                column: "ContractId",
                principalTable: "Contracts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReminderDispatches_Contracts_ContractId",
                table: "ReminderDispatches");

            migrationBuilder.DropTable(
                name: "Follows");

            migrationBuilder.DropIndex(
                name: "IX_ReminderDispatches_contract_alert",
                table: "ReminderDispatches");

            migrationBuilder.DropCheckConstraint(
                name: "CK_ReminderDispatches_one_subject",
                table: "ReminderDispatches");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CalendarFeedTokenHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ContractId",
                table: "ReminderDispatches");

            migrationBuilder.DropColumn(
                name: "Milestone",
                table: "ReminderDispatches");

            migrationBuilder.DropColumn(
                name: "MilestoneOn",
                table: "ReminderDispatches");

            migrationBuilder.DropColumn(
                name: "AlertDelivery",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AlertLeadDays",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CalendarFeedTokenHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DigestHour",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<Guid>(
                name: "DeadlineId",
                table: "ReminderDispatches",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
