using System.Collections.Concurrent;
using System.Text;
using AsbOps.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsbOps.Web.Data.Auditing;

/// <summary>
/// Stores a save's audit entries as one multi-row INSERT in the save's transaction. Written through the change
/// tracker they cost one command each (SQLite does not batch EF's inserts) and were the larger part of an ordinary
/// save; the rows are write-only, so nothing needs them tracked. Table and column names come from the model, so the
/// statement follows the mapping on every provider. Not <see cref="BulkInserter"/>: that prepares a statement per
/// table and sends a row at a time, right for thousands of rows on one connection, but a save has a dozen rows, and on
/// PostgreSQL each would be a round trip where this is one.
/// </summary>
internal static class AuditWriter
{
    /// <summary>Far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.</summary>
    private const int RowsPerStatement = 500;

    private static readonly ConcurrentDictionary<(Type Context, int Rows), string> Statements = new();

    public static async Task WriteAsync(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            await db.Database.ExecuteSqlRawAsync(Statement(db, chunk.Length), Values(chunk)!, cancellationToken);
        }
    }

    public static void Write(DbContext db, IReadOnlyList<AuditEntry> entries)
    {
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            db.Database.ExecuteSqlRaw(Statement(db, chunk.Length), Values(chunk)!);
        }
    }

    private static readonly string[] Columns =
    [
        nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.Action),
        nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.CaseId), nameof(AuditEntry.Changes),
    ];

    /// <summary>In <see cref="Columns"/> order; enums as the words the model stores, times as UTC; EF binds a null as NULL.</summary>
    private static IEnumerable<object?> Values(AuditEntry[] rows)
    {
        foreach (var row in rows)
        {
            yield return DateTime.SpecifyKind(row.At.Kind == DateTimeKind.Local ? row.At.ToUniversalTime() : row.At, DateTimeKind.Utc);
            yield return row.UserId;
            yield return row.UserName;
            yield return row.Action.ToString();
            yield return row.EntityType;
            yield return row.EntityId;
            yield return row.CaseId;
            yield return row.Changes;
        }
    }

    private static string Statement(DbContext db, int rows) =>
        Statements.GetOrAdd((db.GetType(), rows), key =>
        {
            var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var text = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(table.Name, table.Schema))
                .Append(" (")
                .AppendJoin(", ", Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c)!.GetColumnName(table)!)))
                .Append(") VALUES ");
            var parameter = 0;
            for (var row = 0; row < key.Rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Length; column++)
                {
                    text.Append(column == 0 ? "{" : ", {").Append(parameter++).Append('}');
                }

                text.Append(')');
            }

            return text.ToString();
        });
}
