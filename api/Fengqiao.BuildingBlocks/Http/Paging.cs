using System.Buffers.Text;
using System.Text.Json;
using FluentValidation;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>One page of a keyset-paginated list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Opaque cursors: the sort key of the last row, base64url-encoded JSON. Bad cursors are a 400.</summary>
public static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static TKey? Decode<TKey>(string? cursor)
        where TKey : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor))
                ?? throw InvalidCursor();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw InvalidCursor();
        }
    }

    /// <summary>Builds a page from rows fetched with limit + 1, which tells whether another page exists.</summary>
    public static Page<T> ToPage<T, TKey>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, TKey> keyOf)
    {
        if (rowsPlusOne.Count <= limit)
        {
            return new Page<T>(rowsPlusOne, null);
        }

        var items = rowsPlusOne.Take(limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }

    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxLimit);

    private static ValidationException InvalidCursor() =>
        new([new FluentValidation.Results.ValidationFailure("cursor", "The cursor is not one this API issued.")]);

}
