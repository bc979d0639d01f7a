using System.Globalization;
using System.Text;
using Bogus;
using Fengqiao.Intake.BulkLoading;
using Fengqiao.Intake.Petitions;

namespace Fengqiao.DemoData.Intake;

/// <summary>Where a generated petition comes from: its own region, the town and the district around it.</summary>
internal sealed record PlaceNames(string Place, string Town, string District);

/// <summary>
/// Fills the placeholders of <see cref="PetitionPhrases"/> for one petition. Names (companies, estate, road,
/// project, person) are drawn once per petition so its sentences agree; months move forward in the order
/// they are mentioned, so a story reads in time order. The first petitioner, if given, names themself.
/// </summary>
internal sealed class PetitionText(Randomizer random, Faker faker, PlaceNames place, DateOnly received, int persons, string group, BulkPetitioner? petitioner = null)
{
    private readonly Dictionary<string, string> _fixed = new(StringComparer.Ordinal);
    private DateOnly? _month;

    /// <summary>The day named by {日期}: by default a few weeks before the petition, for a follow-up the earlier petition's day.</summary>
    public DateOnly? MentionedDay { get; init; }

    public string Fill(string template)
    {
        var builder = new StringBuilder(template.Length + 32);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                builder.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, at, open - at);
            builder.Append(Value(template[(open + 1)..close]));
            at = close + 1;
        }

        return builder.ToString();
    }

    private string Value(string name) => name switch
    {
        "地方" => place.Place,
        "镇" => place.Town,
        "区" => place.District,
        "人数" => persons.ToString(CultureInfo.InvariantCulture),
        "群体" => group,
        "年月" => NextMonth(),
        "日期" => Fixed(name, () => Day(MentionedDay ?? received.AddDays(-random.Int(5, 90)))),
        "金额" => Fixed(name, Amount),
        "月数" => Fixed(name, () => random.Int(2, 14).ToString(CultureInfo.InvariantCulture) + "个月"),
        "户数" => Fixed(name, () => random.Int(6, 160).ToString(CultureInfo.InvariantCulture)),
        "号" => Fixed(name, () => random.Int(1, 299).ToString(CultureInfo.InvariantCulture)),
        "面积" => Fixed(name, Area),
        "小区" => Fixed(name, () => random.ArrayElement(PetitionPhrases.ComplexPrefixes) + random.ArrayElement(PetitionPhrases.ComplexSuffixes)),
        "公司" => Fixed(name, () => Company(random.ArrayElement(PetitionPhrases.Industries) + "有限公司")),
        "开发商" => Fixed(name, () => Company(random.ArrayElement(PetitionPhrases.DeveloperSuffixes))),
        "物业公司" => Fixed(name, () => Company(random.ArrayElement(PetitionPhrases.PropertyManagerSuffixes))),
        "建筑公司" => Fixed(name, () => Company(random.ArrayElement(PetitionPhrases.BuilderSuffixes))),
        "姓名" => petitioner?.Name ?? Fixed(name, () => faker.Name.LastName() + faker.Name.FirstName()),
        "出生" => petitioner?.IdNumber is { Length: 18 } idNumber ? idNumber[6..10] : Fixed(name, () => (received.Year - random.Int(25, 80)).ToString(CultureInfo.InvariantCulture)),
        "住址" => petitioner?.Address ?? place.Place,
        "路" => Fixed(name, () => random.ArrayElement(PetitionPhrases.Roads)),
        "工程" => Fixed(name, () => random.ArrayElement(PetitionPhrases.Works)),
        "姓" => Fixed(name, () => faker.Name.LastName() + "某"),
        "学校" => Fixed(name, () => Fill(random.ArrayElement(PetitionPhrases.Schools))),
        "医院" => Fixed(name, () => Fill(random.ArrayElement(PetitionPhrases.Hospitals))),
        _ => throw new InvalidOperationException($"Unknown placeholder {{{name}}} in a petition phrase."),
    };

    private string Fixed(string name, Func<string> create)
    {
        if (!_fixed.TryGetValue(name, out var value))
        {
            value = create();
            _fixed[name] = value;
        }

        return value;
    }

    private string NextMonth()
    {
        var floor = new DateOnly(received.Year, received.Month, 1);
        _month = _month is { } previous ? previous.AddMonths(random.Int(1, 5)) : floor.AddMonths(-random.Int(8, 26));
        if (_month > floor)
        {
            _month = floor;
        }

        return $"{_month.Value.Year}年{_month.Value.Month}月";
    }

    private static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private string Amount()
    {
        var yuan = random.Int(3, 600) * 500;
        return yuan >= 10_000
            ? (yuan / 10_000m).ToString("0.##", CultureInfo.InvariantCulture) + "万元"
            : yuan.ToString(CultureInfo.InvariantCulture) + "元";
    }

    private string Area() =>
        random.Bool()
            ? random.Int(2, 60).ToString(CultureInfo.InvariantCulture) + "亩"
            : random.Int(80, 3000).ToString(CultureInfo.InvariantCulture) + "平方米";

    private string Company(string suffix) =>
        random.ArrayElement(PetitionPhrases.CompanyPlaces) + random.ArrayElement(PetitionPhrases.CompanyWords) + suffix;
}
