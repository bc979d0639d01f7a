using Microsoft.Data.Sqlite;

namespace Fengqiao.Tests.Support;

/// <summary>Direct reads of a test host's SQLite file, for facts the API does not expose (audit rows, outbox).</summary>
internal static class TestDatabase
{
    public static SqliteConnection Open(ApiFactory api)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(api.DataDirectory, "fengqiao.db") }.ToString());
        connection.Open();
        return connection;
    }

    public static List<string> Strings(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? string.Empty : reader.GetValue(0).ToString()!);
        }

        return values;
    }
}
