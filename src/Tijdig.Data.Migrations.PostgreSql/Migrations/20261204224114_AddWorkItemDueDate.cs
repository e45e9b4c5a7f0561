using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tijdig.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkItemDueDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "WorkItems",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "WorkItems");
        }
    }
}
