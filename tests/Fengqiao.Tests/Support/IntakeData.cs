using Fengqiao.BuildingBlocks.PersonalData;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bogus;
using Fengqiao.Intake.Petitions;

namespace Fengqiao.Tests.Support;

/// <summary>Registration requests for the intake tests: realistic names and valid ID numbers from a fixed seed.</summary>
internal sealed class IntakeData
{
    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(11) };

    public static string IdNumber(string regionCode, DateOnly birth, int sequence)
    {
        var first17 = $"{regionCode}{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdentityNumbers.CheckCharacter(first17);
    }

    public string NewIdNumber() => IdNumber("330602", new DateOnly(1950, 1, 1).AddDays(_faker.Random.Int(0, 20000)), _faker.Random.Int(0, 999));

    public string Name() => _faker.Name.LastName() + _faker.Name.FirstName();

    public string MobilePhone() => "13" + _faker.Random.ReplaceNumbers("#########");

    public string Request() => _faker.Random.ArrayElement(Requests) + _faker.Random.Replace("（编号##??）");

    public JsonObject Registration(Guid regionId, string channel = "visit", string? idNumber = null, string? request = null, int persons = 1, string category = "urban_rural_construction") =>
        new()
        {
            ["channel"] = channel,
            ["petitioners"] = new JsonArray(new JsonObject
            {
                ["name"] = Name(),
                ["idNumber"] = idNumber ?? NewIdNumber(),
                ["phone"] = MobilePhone(),
                ["address"] = "绍兴市越城区" + _faker.Random.Replace("##号"),
                ["isRepresentative"] = false,
            }),
            ["persons"] = persons,
            ["request"] = request ?? Request(),
            ["facts"] = "2026年以来多次反映，问题仍未解决。",
            ["reasons"] = "影响正常生活。",
            ["category"] = category,
            ["regionId"] = regionId.ToString(),
            ["receivedAt"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
            ["channelReference"] = channel is "hotline12345" or "business_hotline" ? "GD" + _faker.Random.Replace("########") : null,
            ["urgent"] = false,
            ["crossBoundary"] = false,
        };

    public static async Task<JsonObject> RegisterAsync(HttpClient client, JsonObject request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/petitions", request);
        return await response.ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
    }

    private static readonly string[] Requests =
    [
        "小区地下车库长期积水，要求物业和住建部门尽快整改排水设施",
        "拖欠农民工工资三个月未发放，请求劳动监察部门督促企业支付",
        "老旧小区加装电梯方案未征求一楼住户意见，要求重新协商",
        "村里土地征收补偿标准不透明，要求公开补偿方案和分配明细",
        "企业厂房噪音扰民，夜间施工影响周边居民休息，请求环保部门处理",
        "孩子入学片区划分调整后上学距离过远，请求教育部门说明依据",
    ];
}
