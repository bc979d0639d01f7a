using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api.Receptions;

public sealed class ReceptionWorkflowTests : ReceptionTestBase
{
    [Test]
    public async Task ReceptionDay_HeldWithABatchOfEachOutcome_AssignsItsCaseToDispatch_AndTheLeaderTakesCharge()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var (id, version) = await ScheduleAsync(leader, LeaderDay(Region("迪荡街道")));
        Assert.That(version, Is.EqualTo(1));
        await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, 1)).ShouldBeOkAsync<JsonObject>();

        // Solved on the spot, registered as a new petition of the leader_reception channel.
        var solved = await RecordAsync(officer, id, new
        {
            persons = 2,
            petitioners = new[] { Petitioner() },
            matter = "小区路灯损坏半年无人维修，当场联系街道安排维修。",
            outcome = "solved_on_the_spot",
            newPetition = new { category = "urban_rural_construction", regionId = (Guid?)null, facts = "路灯损坏。", urgent = false },
        });
        // Explained, about a petition registered before.
        var existing = await IntakeData.RegisterAsync(officer, Data.Registration(Region("迪荡街道")));
        await RecordAsync(leader, id, new
        {
            persons = 1,
            petitioners = new[] { Petitioner() },
            matter = "再次反映车库积水问题，已解释整改计划。",
            outcome = "explained",
            petitionId = existing["id"]!.GetValue<string>(),
        });
        // Assigned: a new petition accepted with the leader's instruction.
        var assigned = await RecordAsync(leader, id, new
        {
            persons = 6,
            petitioners = new[] { Petitioner(), Petitioner() },
            matter = "拖欠农民工工资三个月未发放，请求督促企业支付。",
            outcome = "assigned",
            newPetition = new { category = "labour_social_security", regionId = (Guid?)null, facts = "工地停工。", urgent = false },
            instruction = "请区人社局牵头，十日内核实并督促支付。",
            notice = "您反映的事项已受理，并由接访领导交办。",
        });

        var reception = await ReceptionAsync(officer, id);
        var batches = reception["batches"]!.AsArray();
        Assert.That(batches.Select(b => b!["outcome"]!.GetValue<string>()), Is.EqualTo(new[] { "solved_on_the_spot", "explained", "assigned" }));
        Assert.That(reception["totals"]!["batches"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(reception["totals"]!["persons"]!.GetValue<int>(), Is.EqualTo(9));
        Assert.That(reception["totals"]!["resolutionRate"]!.GetValue<decimal>(), Is.EqualTo(0.6667m));
        var idMasked = batches[0]!["petitioners"]![0]!["idNumberMasked"]!.GetValue<string>();
        Assert.That(idMasked, Does.Contain("********"), "personal data is masked");

        var solvedPetition = await (await officer.GetAsync($"/api/v1/petitions/{batches[0]!["petitionId"]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(solvedPetition["channel"]!.GetValue<string>(), Is.EqualTo("leader_reception"));
        Assert.That(solvedPetition["status"]!.GetValue<string>(), Is.EqualTo("registered"));
        Assert.That(solvedPetition["flags"]!.AsArray().Select(f => f!["flag"]!.GetValue<string>()), Does.Contain("first_time"), "flags as for any petition");
        Assert.That(batches[1]!["petitionNumber"]!.GetValue<string>(), Is.EqualTo(existing["number"]!.GetValue<string>()));

        var assignedPetitionId = batches[2]!["petitionId"]!.GetValue<string>();
        var assignedPetition = await (await officer.GetAsync($"/api/v1/petitions/{assignedPetitionId}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(assignedPetition["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        var caseId = await CaseToAssignAsync(officer, assignedPetition["number"]!.GetValue<string>());

        var batchVersion = batches[2]!["version"]!.GetValue<long>();
        var charged = await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/batches/{assigned["id"]}/charge",
            new { note = "本人包案，督促落实。" }, batchVersion)).ShouldBeOkAsync<JsonObject>();
        Assert.That(charged["version"]!.GetValue<long>(), Is.EqualTo(batchVersion + 1));
        var detail = await CaseAsync(leader, caseId);
        Assert.That(detail["leaderName"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        var kinds = detail["timeline"]!.AsArray().Select(t => t!["kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds, Does.Contain("leader_instruction").And.Contain("leader_in_charge"));
        var after = await ReceptionAsync(officer, id);
        Assert.That(after["batches"]![2]!["caseId"]!.GetValue<string>(), Is.EqualTo(caseId.ToString()));

        using var db = TestDatabase.Open(Api);
        var events = TestDatabase.Strings(db, "SELECT type FROM outbox_messages WHERE payload LIKE $id", ("$id", $"%{id}%"));
        Assert.That(events, Is.EquivalentTo(new[]
        {
            "Receptions.ReceptionScheduled", "Receptions.ReceptionHeld", "Receptions.ReceptionBatchRecorded", "Receptions.ReceptionBatchRecorded",
            "Receptions.ReceptionBatchRecorded",
        }));
        Assert.That(AuditActions(Guid.Parse(assigned["id"]!.GetValue<string>())), Is.EqualTo(new[] { "reception.batch_recorded", "reception.batch_case_in_charge" }));
    }

    [Test]
    public async Task TakingCharge_OfABatchNotAssigned_Is409()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var id = await HeldLeaderDayAsync("district.leader", Region("北海街道"));
        var batch = await RecordAsync(leader, id, Explained());
        var problem = await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/batches/{batch["id"]}/charge", new { note = "包案。" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem["code"]!.GetValue<string>(), Is.EqualTo("not_assigned"));
    }

    [Test]
    public async Task Appointment_AboutAPetitionOfTheLeadersTown_IsScheduled_ButNotOneOfAnotherTown()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        using var townLeader = await Api.ClientForAsync("town.leader");
        var village = await FushanVillageAsync();
        var own = await IntakeData.RegisterAsync(officer, Data.Registration(village));
        var other = await IntakeData.RegisterAsync(officer, Data.Registration(Region("塔山街道")));
        object Appointment(JsonObject petition) => new
        {
            kind = "appointment",
            regionId = village,
            day = Today,
            startsAt = "14:00",
            endsAt = "15:00",
            place = "府山街道办事处二楼约访室",
            isPublished = false,
            petitionId = petition["id"]!.GetValue<string>(),
        };

        var (id, _) = await ScheduleAsync(townLeader, Appointment(own));
        var reception = await ReceptionAsync(townLeader, id);
        Assert.That(reception["kind"]!.GetValue<string>(), Is.EqualTo("appointment"));
        Assert.That(reception["level"]!.GetValue<string>(), Is.EqualTo("town"));
        Assert.That(reception["petitionNumber"]!.GetValue<string>(), Is.EqualTo(own["number"]!.GetValue<string>()));

        var refused = await (await townLeader.PostAsJsonAsync("/api/v1/receptions", Appointment(other))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(refused["errors"]!.AsObject().Select(e => e.Key), Does.Contain("petitionId"));
    }

    [Test]
    public async Task DutyAndHomeVisit_AreThePetitionBureaus_AndALeaderDayNotTheirs()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var housing = await UnitAsync(DistrictHousing);
        var (duty, _) = await ScheduleAsync(officer, new
        {
            kind = "department_duty", regionId = Region("越城区"), day = Today, startsAt = "09:00", endsAt = "11:30", place = "区信访接待中心", isPublished = true, unitId = housing,
        });
        var (visit, _) = await ScheduleAsync(officer, new
        {
            kind = "home_visit", regionId = await FushanVillageAsync(), day = Today, startsAt = "15:00", endsAt = "16:00", place = "信访人家中",
            purpose = "了解加装电梯协商进展", isPublished = false, unitId = await UnitAsync(TownGovernment), hostName = "王建国",
        });
        Assert.That((await ReceptionAsync(officer, duty))["unitName"]!.GetValue<string>(), Is.EqualTo(DistrictHousing));
        Assert.That((await ReceptionAsync(officer, visit))["level"]!.GetValue<string>(), Is.EqualTo("town"));

        await (await officer.PostAsJsonAsync("/api/v1/receptions", LeaderDay(Region("越城区")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var leader = await Api.ClientForAsync("district.leader");
        await (await leader.PostAsJsonAsync("/api/v1/receptions", new
        {
            kind = "department_duty", regionId = Region("越城区"), day = Today, startsAt = "09:00", endsAt = "11:30", place = "区信访接待中心", isPublished = true, unitId = housing,
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Update_NeedsIfMatch_RefusesAStaleOne_AndCancelLeavesThePublicList()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var day = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        var (id, version) = await ScheduleAsync(leader, LeaderDay(Region("稽山街道"), day, theme: "教育入学"));
        var change = new { regionId = Region("稽山街道"), day, startsAt = "08:30", endsAt = "11:30", place = "稽山街道便民服务中心", theme = "教育入学政策", isPublished = true };

        var missing = await leader.PutAsJsonAsync($"/api/v1/receptions/{id}", change);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var changed = await (await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/receptions/{id}", change, version)).ShouldBeOkAsync<JsonObject>();
        Assert.That(changed["version"]!.GetValue<long>(), Is.EqualTo(2));
        await (await SendWithIfMatch(leader, HttpMethod.Put, $"/api/v1/receptions/{id}", change, version)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.That((await ReceptionAsync(leader, id))["place"]!.GetValue<string>(), Is.EqualTo("稽山街道便民服务中心"));

        var notYet = await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/holding", null, 2)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(notYet["code"]!.GetValue<string>(), Is.EqualTo("not_yet"));

        await (await SendWithIfMatch(leader, HttpMethod.Post, $"/api/v1/receptions/{id}/cancellation", new { reason = "临时公务安排，改期另行公告。" }, 2)).ShouldBeOkAsync<JsonObject>();
        using var anonymous = Api.CreateClient();
        var listed = await (await anonymous.GetAsync($"/api/v1/public/reception-days?month={day[..7]}")).ShouldBeOkAsync<JsonObject>();
        Assert.That(listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(id.ToString()));
        Assert.That(AuditActions(id), Is.EqualTo(new[] { "reception.scheduled", "reception.changed", "reception.cancelled" }));
    }

    [Test]
    public async Task BadInput_Answers400_NamingTheFields()
    {
        using var leader = await Api.ClientForAsync("district.leader");
        var problem = await (await leader.PostAsJsonAsync("/api/v1/receptions", new
        {
            kind = "leader_visit", regionId = Region("越城区"), day = Today, startsAt = "11:00", endsAt = "09:00", place = "", isPublished = true,
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.SupersetOf(new[] { "endsAt", "place", "purpose", "isPublished" }));

        var id = await HeldLeaderDayAsync("district.leader", Region("越城区"));
        var batch = await (await leader.PostAsJsonAsync($"/api/v1/receptions/{id}/batches", new
        {
            persons = 1,
            petitioners = new object[] { Petitioner(), new { name = "李四", idNumber = "330602198001011230", phone = "123" } },
            matter = "",
            outcome = "assigned",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(batch["errors"]!.AsObject().Select(e => e.Key),
            Is.SupersetOf(new[] { "persons", "matter", "petitionId", "instruction", "notice", "petitioners[1].idNumber", "petitioners[1].phone" }));

        var unknownCategory = await (await leader.PostAsJsonAsync($"/api/v1/receptions/{id}/batches", new
        {
            persons = 1, petitioners = new[] { Petitioner() }, matter = "反映噪音扰民。", outcome = "explained", newPetition = new { category = "no_such_category", urgent = false },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(unknownCategory["errors"]!.AsObject().Select(e => e.Key), Does.Contain("newPetition.category"));
    }

    [Test]
    public async Task Roles_AreRefused403_AndAnotherTownsReception_Is404()
    {
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await analyst.PostAsJsonAsync("/api/v1/receptions", LeaderDay(Region("越城区")))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var handler = await Api.ClientForAsync("district.handler");
        await (await handler.GetAsync($"/api/v1/receptions?month={ThisMonth}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var id = await HeldLeaderDayAsync("district.leader", Region("塔山街道"));
        using var townOfficer = await Api.ClientForAsync("town.petition_officer");
        await (await townOfficer.GetAsync($"/api/v1/receptions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await townOfficer.PostAsJsonAsync($"/api/v1/receptions/{id}/batches", Explained())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var calendar = await (await townOfficer.GetAsync($"/api/v1/receptions?month={ThisMonth}&limit=100")).ShouldBeOkAsync<JsonObject>();
        Assert.That(calendar["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), Does.Not.Contain(id.ToString()));

        using var otherLeader = await Api.ClientForAsync("city.leader");
        await (await SendWithIfMatch(otherLeader, HttpMethod.Post, $"/api/v1/receptions/{id}/batches", Explained(), 2)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Correction_ChangesPersonsAndOutcome_WithAnAuditTrail_ButNotAnAssignment()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = await HeldLeaderDayAsync("district.leader", Region("城南街道"));
        var batch = await RecordAsync(officer, id, Explained(1, Petitioner()));
        var url = $"/api/v1/receptions/{id}/batches/{batch["id"]}/correction";

        var tooFew = await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { persons = 0, outcome = "explained", reason = "更正" }, 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(tooFew["errors"]!.AsObject().Select(e => e.Key), Does.Contain("persons"));
        var corrected = await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { persons = 4, outcome = "solved_on_the_spot", reason = "同行亲属漏记。" }, 1))
            .ShouldBeOkAsync<JsonObject>();
        Assert.That(corrected["version"]!.GetValue<long>(), Is.EqualTo(2));
        await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { persons = 5, outcome = "explained", reason = "再次更正" }, 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var toAssigned = await (await SendWithIfMatch(officer, HttpMethod.Post, url, new { persons = 4, outcome = "assigned", reason = "改为交办" }, 2))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.That(toAssigned["code"]!.GetValue<string>(), Is.EqualTo("assignment_not_correctable"));

        var reception = await ReceptionAsync(officer, id);
        Assert.That(reception["batches"]![0]!["persons"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(reception["batches"]![0]!["outcome"]!.GetValue<string>(), Is.EqualTo("solved_on_the_spot"));
        Assert.That(AuditActions(Guid.Parse(batch["id"]!.GetValue<string>())), Is.EqualTo(new[] { "reception.batch_recorded", "reception.batch_corrected" }));
    }

    [Test]
    public async Task Reveal_ShowsTheFullIdNumber_ToTheRolesThatMay_AndIsAudited()
    {
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var id = await HeldLeaderDayAsync("district.leader", Region("东湖街道"));
        var idNumber = Data.NewIdNumber();
        var batch = await RecordAsync(officer, id, Explained(1, new { name = "赵六", idNumber, phone = "13800001234" }));
        var petitionerId = (await ReceptionAsync(officer, id))["batches"]![0]!["petitioners"]![0]!["id"]!.GetValue<string>();
        var url = $"/api/v1/receptions/{id}/batches/{batch["id"]}/petitioners/{petitionerId}/reveal";

        var revealed = await (await officer.PostAsync(url, null)).ShouldBeOkAsync<JsonObject>();
        Assert.That(revealed["idNumber"]!.GetValue<string>(), Is.EqualTo(idNumber));
        Assert.That(AuditActions(Guid.Parse(petitionerId)), Is.EqualTo(new[] { "personal_data.revealed" }));
        using var analyst = await Api.ClientForAsync("district.analyst");
        await (await analyst.PostAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>The case of the accepted petition, once the outbox delivered the acceptance, in the bureau's "to assign" tab.</summary>
    private async Task<Guid> CaseToAssignAsync(HttpClient officer, string number)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await PumpOutboxAsync();
            var page = await (await officer.GetAsync("/api/v1/cases?tab=to_assign&limit=100")).ShouldBeOkAsync<JsonObject>();
            if (page["items"]!.AsArray().FirstOrDefault(c => c!["number"]!.GetValue<string>() == number) is { } found)
            {
                return Guid.Parse(found["id"]!.GetValue<string>());
            }

            await Task.Delay(100);
        }

        throw new AssertionException($"No case of {number} reached the worklist.");
    }
}
