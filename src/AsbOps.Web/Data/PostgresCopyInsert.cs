using System.Globalization;
using System.Reflection;
using Npgsql;

namespace AsbOps.Web.Data;

/// <summary>
/// One table's rows written to PostgreSQL with a binary <c>COPY … FROM STDIN</c> on the context's connection (inside its
/// transaction): one round trip for a whole batch instead of one <c>INSERT</c> per row. Each value goes as the provider
/// value EF Core would bind (after the property's value converter) under the column's store type from the EF model.
/// A generated key is not left to the column default when the caller reads keys back: the keys are drawn from the
/// column's own sequence first (one <c>nextval</c> query per batch) and written explicitly, so the sequence is never
/// behind the table and concurrent writers (intake while a seed runs) cannot collide. Rows that already carry a key keep
/// it, and the sequence is then moved past the largest with <c>setval</c>.
/// </summary>
internal sealed class PostgresCopyInsert
{
    private readonly NpgsqlConnection _connection;
    private readonly string _table;
    private readonly string _copy;
    private readonly IReadOnlyList<CopyColumn> _columns;
    private readonly CopyKey? _key;
    /// <summary>Sequence names per server, database and table, looked up once per process (intake makes an inserter per request).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Sequences = new(StringComparer.Ordinal);

    private string? _sequence;

    public PostgresCopyInsert(NpgsqlConnection connection, string table, IReadOnlyList<CopyColumn> columns, CopyKey? key)
    {
        _connection = connection;
        _table = table;
        _columns = columns;
        _key = key;
        var names = (key is null ? [] : new[] { key.Name }).Concat(columns.Select(c => c.Name));
        _copy = $"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
    }

    /// <summary>A column: its delimited name, its PostgreSQL type name (from the EF type mapping) and the row's provider value.</summary>
    internal sealed record CopyColumn(string Name, string DataTypeName, Func<object, object?> Value);

    /// <summary>A generated key written explicitly: its delimited and plain column names, store type and CLR property.</summary>
    internal sealed record CopyKey(string Name, string ColumnName, string DataTypeName, PropertyInfo Property);

    /// <summary>Writes the rows in one COPY; enumerates <paramref name="rows"/> once, before anything is sent.</summary>
    public async Task InsertAsync(IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var list = rows as IReadOnlyList<object> ?? rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        long[] keys = [];
        var ownKeys = false;
        if (_key is { } key)
        {
            (keys, ownKeys) = await KeysAsync(key, list, cancellationToken);
        }

        await using (var importer = await _connection.BeginBinaryImportAsync(_copy, cancellationToken))
        {
            // Values are written synchronously: they go into Npgsql's write buffer, and only a full buffer waits on the
            // socket. An awaited write per value cost more than the COPY itself (a 500-row intake batch is 10,000 values).
            for (var r = 0; r < list.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = list[r];
                importer.StartRow();
                if (_key is { } k)
                {
                    WriteKey(importer, k, keys[r]);
                }

                foreach (var column in _columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        importer.Write(value, column.DataTypeName);
                    }
                    else
                    {
                        importer.WriteNull();
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (_key is { } written)
        {
            for (var r = 0; r < list.Count; r++)
            {
                written.Property.SetValue(list[r], Convert.ChangeType(keys[r], written.Property.PropertyType, CultureInfo.InvariantCulture));
            }

            if (ownKeys)
            {
                await CatchUpSequenceAsync(list, written, cancellationToken);
            }
        }
    }

    private static void WriteKey(NpgsqlBinaryImporter importer, CopyKey key, long value)
    {
        if (key.Property.PropertyType == typeof(int))
        {
            importer.Write(checked((int)value), key.DataTypeName);
        }
        else
        {
            importer.Write(value, key.DataTypeName);
        }
    }

    /// <summary>Each row's key: its own when it has one, else the next value of the column's sequence.</summary>
    private async Task<(long[] Keys, bool OwnKeys)> KeysAsync(CopyKey key, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var keys = new long[rows.Count];
        var missing = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            keys[r] = Convert.ToInt64(key.Property.GetValue(rows[r]), CultureInfo.InvariantCulture);
            missing += keys[r] == 0 ? 1 : 0;
        }

        if (missing == 0)
        {
            return (keys, true);
        }

        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT nextval(@sequence::regclass) FROM generate_series(1, @count)";
        command.Parameters.AddWithValue("sequence", await SequenceAsync(key, cancellationToken));
        command.Parameters.AddWithValue("count", missing);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var next = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            while (keys[next] != 0)
            {
                next++;
            }

            keys[next++] = reader.GetInt64(0);
        }

        return keys.All(k => k != 0)
            ? (keys, missing < rows.Count)
            : throw new InvalidOperationException($"The sequence of {_table} gave fewer keys than asked for.");
    }

    /// <summary>
    /// After rows written with keys of their own, moves the sequence past the largest so that later inserts never clash
    /// (<c>setval</c>; the sequence's name comes quoted from <c>pg_get_serial_sequence</c>).
    /// </summary>
    private async Task CatchUpSequenceAsync(IReadOnlyList<object> rows, CopyKey key, CancellationToken cancellationToken)
    {
        var largest = rows.Max(row => Convert.ToInt64(key.Property.GetValue(row), CultureInfo.InvariantCulture));
        var sequence = await SequenceAsync(key, cancellationToken);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT setval(@sequence::regclass, @largest) FROM {sequence} WHERE NOT is_called OR last_value < @largest";
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.AddWithValue("largest", largest);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string> SequenceAsync(CopyKey key, CancellationToken cancellationToken)
    {
        var cacheKey = $"{_connection.DataSource}/{_connection.Database}/{_table}.{key.ColumnName}";
        if (_sequence is null && !Sequences.TryGetValue(cacheKey, out _sequence))
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT pg_get_serial_sequence(@table, @column)";
            command.Parameters.AddWithValue("table", _table);
            command.Parameters.AddWithValue("column", key.ColumnName);
            _sequence = await command.ExecuteScalarAsync(cancellationToken) as string
                ?? throw new InvalidOperationException($"{_table}.{key.ColumnName} has no sequence to draw keys from.");
            Sequences[cacheKey] = _sequence;
        }

        return _sequence;
    }
}
