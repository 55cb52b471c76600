using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using PraTracker.Data.Database;

namespace PraTracker.Bench;

/// <summary>
/// Loads entities with PostgreSQL's binary COPY, reading table, columns and value conversions from the app's own EF
/// model, so the generated data has exactly the shape the app writes (computed columns are left to the database).
/// </summary>
public static class BulkCopy
{
    public static async Task<int> CopyAsync<T>(PraTrackerDbContext db, IEnumerable<T> rows, CancellationToken ct = default)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Where(p => p.GetComputedColumnSql() is null)
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter, Getter: p.GetGetter()))
            .ToList();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        var columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        var count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValue(row);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, ct);
                }
            }

            count++;
        }

        await importer.CompleteAsync(ct);
        return count;
    }
}
