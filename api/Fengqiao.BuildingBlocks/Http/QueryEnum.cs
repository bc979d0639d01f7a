using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>
/// Query-string enums in the API's snake_case spelling (<c>?kind=village_committee</c>). Minimal APIs bind enums
/// by their C# names, so such parameters are declared as strings with this attribute and parsed here.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueryEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;

    public static IEnumerable<string> NamesOf(Type enumType) =>
        Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName);
}

public static class QueryEnum
{
    /// <summary>The API spelling of an enum value, e.g. <c>ReferredToDiscipline</c> → <c>referred_to_discipline</c>.</summary>
    public static string ToSnakeCase<TEnum>(this TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>The enum value named by <paramref name="value"/>, null when absent, 400 naming the field when unknown.</summary>
    public static TEnum? Parse<TEnum>(string? value, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (candidate.ToSnakeCase() == value)
            {
                return candidate;
            }
        }

        throw new ValidationException([new ValidationFailure(field, $"Unknown value '{value}'; expected one of: {string.Join(", ", QueryEnumAttribute.NamesOf(typeof(TEnum)))}.")]);
    }

    /// <summary>The enum values of a repeated parameter (<c>?flag=a&amp;flag=b</c>); an empty or unknown one is a 400 naming the field.</summary>
    public static IReadOnlyList<TEnum> ParseAll<TEnum>(string[]? values, string field)
        where TEnum : struct, Enum =>
        (values ?? []).Select(value => Parse<TEnum>(value, field)
            ?? throw new ValidationException([new ValidationFailure(field, "An empty value names nothing; leave it out or give one.")]))
            .ToList();
}
