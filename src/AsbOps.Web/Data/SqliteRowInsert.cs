using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AsbOps.Web.Data;

/// <summary>
/// One prepared <c>INSERT</c> on SQLite's own statement handle, bound by parameter position. Microsoft.Data.Sqlite looks
/// every parameter up by name on every execution (a native search and a UTF-8 copy of the name per column per row),
/// which was most of the control-room intake's insert time; bound by position, a row costs what its values cost.
/// Values are written exactly as Microsoft.Data.Sqlite writes them; a table with a column of any other type keeps the
/// ordinary command (<see cref="TryCreate"/> answers null).
/// </summary>
internal sealed class SqliteRowInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly Kind[] _kinds;
    private byte[] _utf8 = new byte[512];

    private SqliteRowInsert(sqlite3 database, sqlite3_stmt statement, Kind[] kinds)
    {
        _database = database;
        _statement = statement;
        _kinds = kinds;
    }

    private enum Kind
    {
        Integer,
        Real,
        Text,
        DateTimeText,
    }

    /// <summary>
    /// Prepares <paramref name="sql"/> (parameters numbered 1… in column order) when every column's provider type is
    /// one bound here: integers, booleans and enums, floating point, text, and date-times stored as text.
    /// </summary>
    public static SqliteRowInsert? TryCreate(SqliteConnection connection, string sql, IReadOnlyList<(Type ProviderType, SqliteType StoreType)> columns)
    {
        var kinds = new Kind[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (KindOf(columns[i].ProviderType, columns[i].StoreType) is not { } kind)
            {
                return null;
            }

            kinds[i] = kind;
        }

        var database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        if (raw.sqlite3_bind_parameter_count(statement) != kinds.Length)
        {
            // Parameters used twice or out of column order: leave it to the ordinary command.
            statement.Dispose();
            return null;
        }

        return new SqliteRowInsert(database, statement, kinds);
    }

    /// <summary>Inserts one row of provider values (nulls allowed); the first column of a <c>RETURNING</c> row when there is one.</summary>
    public long? Insert(ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(i + 1, _kinds[i], values[i]);
            }

            long? returned = null;
            var rc = raw.sqlite3_step(_statement);
            while (rc == raw.SQLITE_ROW)
            {
                returned ??= raw.sqlite3_column_int64(_statement, 0);
                rc = raw.sqlite3_step(_statement);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }

            return returned;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private static Kind? KindOf(Type providerType, SqliteType storeType)
    {
        var type = Nullable.GetUnderlyingType(providerType) ?? providerType;
        if (type.IsEnum)
        {
            type = Enum.GetUnderlyingType(type);
        }

        return type switch
        {
            _ when type == typeof(string) => Kind.Text,
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
                || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(bool) => Kind.Integer,
            _ when type == typeof(double) || type == typeof(float) => Kind.Real,
            _ when type == typeof(DateTime) && storeType != SqliteType.Real => Kind.DateTimeText,
            _ => null,
        };
    }

    private void Bind(int index, Kind kind, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            _ => kind switch
            {
                Kind.Integer => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                Kind.Real => raw.sqlite3_bind_double(_statement, index, Real(value)),
                Kind.Text => BindText(index, (string)value),
                _ => BindText(index, ((DateTime)value).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            },
        };
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    private static double Real(object value)
    {
        var number = value is float single ? single : (double)value;
        return double.IsNaN(number) ? throw new InvalidOperationException("SQLite cannot store NaN.") : number;
    }

    /// <summary>Encodes into a reused buffer; SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again at once.</summary>
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < length)
        {
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written));
    }
}
