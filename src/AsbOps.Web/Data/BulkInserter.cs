using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AsbOps.Web.Data;

/// <summary>
/// Inserts rows (the demo force, control-room intake) with one prepared <c>INSERT … RETURNING</c> per table, built from the EF Core
/// model (table and column names, value converters, provider type mappings) and run on the context's own
/// connection and transaction. SaveChanges sends one command per row on SQLite and spends most of its time
/// building them; a prepared statement re-bound per row is many times faster and is plain SQL that SQLite and
/// PostgreSQL both accept. On SQLite the statement is bound by position through <see cref="SqliteRowInsert"/> where
/// the table's column types allow it; on PostgreSQL each call is one binary <c>COPY</c> through <see cref="PostgresCopyInsert"/>.
/// </summary>
internal sealed class BulkInserter(AsbOpsDbContext db) : IDisposable
{
    /// <summary>Compiled once per process: an inserter lives for one transaction, and compiling is slow.</summary>
    private static readonly ConcurrentDictionary<(PropertyInfo Getter, PropertyInfo? Owner), Func<object, object?>> Readers = new();

    private readonly Dictionary<(Type, bool), TableInsert> _tables = [];

    /// <summary>
    /// Inserts the rows in order; a database-generated key is read back into each row unless <paramref name="readKeys"/>
    /// is false (rows nobody refers to afterwards, such as audit entries, skip the <c>RETURNING</c> round).
    /// </summary>
    public async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken, bool readKeys = true)
        where T : class
    {
        var table = Table(typeof(T), readKeys);
        if (table.Copy is { } copy)
        {
            await copy.InsertAsync(rows, cancellationToken);
            return;
        }

        if (table.Sqlite is { } sqlite)
        {
            var values = new object?[table.Columns.Count];
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                table.Read(row, values);
                var id = sqlite.Insert(values);
                if (table.Key is { } key)
                {
                    key.SetValue(row, Convert.ChangeType(id ?? throw new InvalidOperationException("The insert returned no key."),
                        key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return;
        }

        foreach (var row in rows)
        {
            table.Bind(row);
            if (table.Key is { } key)
            {
                var id = await table.Command.ExecuteScalarAsync(cancellationToken);
                key.SetValue(row, Convert.ChangeType(id, key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await table.Command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Command.Dispose();
            table.Sqlite?.Dispose();
        }
    }

    private TableInsert Table(Type type, bool readKeys)
    {
        if (_tables.TryGetValue((type, readKeys), out var table))
        {
            return table;
        }

        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");

        var columns = new List<Column>();
        var generatedKey = entityType.FindPrimaryKey()!.Properties.SingleOrDefault(p => p.ValueGenerated == ValueGenerated.OnAdd);
        foreach (var property in entityType.GetProperties().Where(p => p != generatedKey))
        {
            columns.Add(NewColumn(command, property, store, owner: null, columns.Count));
        }

        // Owned types split into the same table (the incident's THRIVE notes) are columns of this row.
        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                columns.Add(NewColumn(command, property, store, navigation.PropertyInfo, columns.Count));
            }
        }

        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        var values = string.Join(", ", columns.Select(c => c.Parameter.ParameterName));
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({names}) VALUES ({values})"
            + (generatedKey is null || !readKeys ? "" : $" RETURNING {sql.DelimitIdentifier(generatedKey.GetColumnName(store)!)}");

        // On SQLite, the same statement bound by position where every column allows it (see SqliteRowInsert).
        var sqlite = command.Connection is SqliteConnection connection
            ? SqliteRowInsert.TryCreate(connection, command.CommandText,
                [.. columns.Select(c => (c.ProviderType, ((SqliteParameter)c.Parameter).SqliteType))])
            : null;
        // On PostgreSQL, the same columns in one binary COPY per call (see PostgresCopyInsert).
        var copy = command.Connection is NpgsqlConnection npgsql
            ? new PostgresCopyInsert(npgsql, sql.DelimitIdentifier(store.Name, store.Schema),
                [.. columns.Select(c => new PostgresCopyInsert.CopyColumn(sql.DelimitIdentifier(c.Name), c.StoreType, c.Value))],
                generatedKey is null || !readKeys ? null : CopyKey(generatedKey, store, sql))
            : null;
        if (sqlite is null && copy is null)
        {
            command.Prepare();
        }

        table = new TableInsert(command, columns, readKeys ? generatedKey?.PropertyInfo : null, sqlite, copy);
        _tables[(type, readKeys)] = table;
        return table;
    }

    private static PostgresCopyInsert.CopyKey CopyKey(IProperty key, StoreObjectIdentifier store, ISqlGenerationHelper sql)
    {
        var name = key.GetColumnName(store)!;
        return new PostgresCopyInsert.CopyKey(sql.DelimitIdentifier(name), name, ((RelationalTypeMapping)key.GetTypeMapping()).StoreTypeNameBase,
            key.PropertyInfo ?? throw new InvalidOperationException($"{key.DeclaringType.DisplayName()}.{key.Name} has no CLR property."));
    }

    private static Column NewColumn(DbCommand command, IProperty property, StoreObjectIdentifier store, PropertyInfo? owner, int index)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var parameter = mapping.CreateParameter(command, $"@p{index}", null, property.IsNullable);
        command.Parameters.Add(parameter);
        var getter = property.PropertyInfo ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR property.");
        return new Column(property.GetColumnName(store)!, parameter, Readers.GetOrAdd((getter, owner), k => Reader(k.Getter, k.Owner)), mapping.Converter,
            mapping.Converter?.ProviderClrType ?? mapping.ClrType, mapping.StoreTypeNameBase);
    }

    /// <summary>
    /// A compiled <c>row =&gt; (object?)row.Owner?.Property</c>: binding runs once per column per row, and a
    /// compiled delegate spares reflection's <see cref="PropertyInfo.GetValue(object)"/> there.
    /// </summary>
    private static Func<object, object?> Reader(PropertyInfo getter, PropertyInfo? owner)
    {
        var row = Expression.Parameter(typeof(object), "row");
        Expression source = Expression.Convert(row, owner?.DeclaringType ?? getter.DeclaringType!);
        Expression body;
        if (owner is null)
        {
            body = Expression.Convert(Expression.Property(source, getter), typeof(object));
        }
        else
        {
            var ownerValue = Expression.Variable(owner.PropertyType, "owner");
            body = Expression.Block([ownerValue],
                Expression.Assign(ownerValue, Expression.Property(source, owner)),
                Expression.Condition(Expression.Equal(ownerValue, Expression.Constant(null, owner.PropertyType)),
                    Expression.Constant(null, typeof(object)),
                    Expression.Convert(Expression.Property(ownerValue, getter), typeof(object))));
        }

        return Expression.Lambda<Func<object, object?>>(body, row).Compile();
    }

    private sealed record Column(
        string Name, DbParameter Parameter, Func<object, object?> Read, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, Type ProviderType,
        string StoreType)
    {
        /// <summary>The row's value as the provider stores it: through the property's value converter, if any.</summary>
        public object? Value(object row)
        {
            var value = Read(row);
            return value is not null && Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    private sealed record TableInsert(DbCommand Command, IReadOnlyList<Column> Columns, PropertyInfo? Key, SqliteRowInsert? Sqlite, PostgresCopyInsert? Copy)
    {
        public void Bind(object row)
        {
            foreach (var column in Columns)
            {
                column.Parameter.Value = column.Value(row) ?? DBNull.Value;
            }
        }

        public void Read(object row, object?[] values)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                values[i] = Columns[i].Value(row);
            }
        }
    }
}
