using System.Globalization;
using System.Text.RegularExpressions;

namespace Fengqiao.BuildingBlocks.PersonalData;

/// <summary>Resident identity numbers (GB 11643-1999) and mainland phone numbers.</summary>
public static partial class IdentityNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>18 characters: 6-digit region, 8-digit birth date, 3-digit sequence and the ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsValidIdNumber(string? value, DateOnly today)
    {
        if (value is null || !IdShape().IsMatch(value))
        {
            return false;
        }

        var normalised = value.ToUpperInvariant();
        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1900)
        {
            return false;
        }

        return CheckCharacter(normalised) == normalised[17];
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>A mainland mobile (1[3-9]xxxxxxxxx) or a landline with area code (0xx-xxxxxxxx).</summary>
    public static bool IsValidPhone(string? value) => value is not null && (Mobile().IsMatch(value) || Landline().IsMatch(value));

    public static string NormalisePhone(string value) => value.Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{17}[\dXx]$")]
    private static partial Regex IdShape();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")]
    private static partial Regex Landline();
}
