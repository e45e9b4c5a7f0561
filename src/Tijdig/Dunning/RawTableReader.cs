using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Tijdig.Data;

namespace Tijdig.Dunning;

/// <summary>
/// Reads columns of one mapped table with a plain data reader on the context's connection. Table and
/// column names come from the EF Core model and are quoted with double quotes, which SQLite and
/// PostgreSQL both accept, so the same code runs on either provider.
/// </summary>
internal sealed class RawTableReader(TijdigDbContext db)
{
    /// <param name="properties">Entity property names; the row's ordinals follow this order.</param>
    /// <param name="where">Builds the WHERE condition from a function that returns a quoted column name; null reads every row.</param>
    public async Task<List<TRow>> ReadAsync<TEntity, TRow>(
        IReadOnlyList<string> properties,
        Func<Func<string, string>, string>? where,
        Func<DbDataReader, TRow> map,
        CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)?.GetColumnName(table) ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{property} is not mapped."));

        var from = table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);
        var sql = $"SELECT {string.Join(", ", properties.Select(Column))} FROM {from}";
        if (where is not null)
        {
            sql += " WHERE " + where(Column);
        }

        var rows = new List<TRow>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(map(reader));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }

    public static DateOnly? NullableDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
