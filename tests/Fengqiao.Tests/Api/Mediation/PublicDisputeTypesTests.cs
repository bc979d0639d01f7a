using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Mediation;

public sealed class PublicDisputeTypesTests : MediationTestBase
{
    [Test]
    public async Task TheOnlineApplicationForm_ReadsTheDisputeTypes_WithoutAnAccount_AsStaffSeeThem()
    {
        using var anonymous = Api.CreateClient();
        var types = await (await anonymous.GetAsync("/api/v1/public/mediation-dispute-types")).ShouldBeOkAsync<JsonArray>();
        using var mediator = await Api.ClientForAsync("town.mediator");
        var staff = await (await mediator.GetAsync("/api/v1/mediation/dispute-types")).ShouldBeOkAsync<JsonArray>();

        Assert.That(types.ToJsonString(), Is.EqualTo(staff.ToJsonString()));
        var medical = types.Single(t => t!["code"]!.GetValue<string>() == "medical")!;
        Assert.That((medical["nameZh"]!.GetValue<string>(), medical["nameEn"]!.GetValue<string>()), Is.Not.EqualTo((string.Empty, string.Empty)));
    }
}
