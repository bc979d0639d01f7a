using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Fengqiao.BuildingBlocks.Data;

/// <summary>
/// Typed column reads that work on both engines: SQLite keeps instants and dates as ISO text (see
/// <see cref="DapperTypeHandlers"/>, which parses them the same way), SQL Server in its native types.
/// Ids need nothing of their own: both providers read a Guid from their column with <c>GetGuid</c>.
/// </summary>
public static class TypedColumns
{
    public static DateTimeOffset GetInstant(this DbDataReader row, int ordinal) =>
        row is SqliteDataReader ? ParseInstant(row.GetString(ordinal)) : row.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateOnly GetDate(this DbDataReader row, int ordinal) =>
        row is SqliteDataReader ? ParseDate(row.GetString(ordinal)) : DateOnly.FromDateTime(row.GetDateTime(ordinal));

    /// <summary>Enums are stored by name on both engines.</summary>
    public static TEnum GetEnum<TEnum>(this DbDataReader row, int ordinal)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(row.GetString(ordinal));

    public static string? GetStringOrNull(this DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    /// <summary>What the SQLite type handler writes is exactly the round-trip form, which parses on a fast path; anything else the general way.</summary>
    internal static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var roundTrip)
            ? roundTrip
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
