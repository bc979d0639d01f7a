using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.BulkLoading;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData.Dispatch;

/// <summary>
/// Case histories for load tests, reproducible from a seed: accepted over the last four years at an even pace, in the towns and
/// villages of every district, led mostly by the town government or the district department for the category, and taken
/// through the steps the handlers would have taken by now — assignment or forwarding, a return now and then, signature,
/// co-handling input, extensions and clock pauses, replies on time, close to the deadline, late or stuck as backlog,
/// supervision orders and listing for the late ones, rating, closing, and review (复查) and re-review (复核) one level up
/// after a dissatisfied rating. The dispatch module replays them against its rules (<see cref="DispatchBulkLoading"/>).
/// The cases' petitions are not generated: the dispatch tables hold their ids, numbers and summaries only.
/// </summary>
internal sealed class CaseGenerator
{
    public const int DefaultSeed = 330601;
    private const int YearsBack = 4;

    /// <summary>Keeps the generated numbers apart from those of generated petitions, which count from 1 in each district and year.</summary>
    private const int FirstNumber = 500001;

    private static readonly Dictionary<string, string[]> Summaries = new(StringComparer.Ordinal)
    {
        ["urban_rural_construction"] = ["反映周边工地夜间施工噪音扰民，要求规范施工时间", "反映老旧小区改造进度缓慢，要求加快推进"],
        ["land_resources"] = ["反映宅基地审批迟迟未办理，要求依法审批", "反映征地补偿款未足额发放，要求兑现"],
        ["labour_social_security"] = ["反映公司拖欠工资三个月，要求督促支付", "反映社保缴费年限认定有误，要求更正"],
        ["agriculture_rural"] = ["反映农田灌溉渠道堵塞，要求组织清理", "反映土地流转租金未按约支付"],
        ["health"] = ["反映医院收费不透明，要求核查", "反映社区卫生服务站常用药配备不足"],
        ["education"] = ["反映子女入学划片不合理，要求调整", "反映学校周边交通拥堵存在安全隐患"],
        ["civil_affairs"] = ["申请低保被拒，要求重新审核", "反映高龄津贴未按时发放"],
        ["politics_law"] = ["反映邻里纠纷报警后未妥善处理", "反映胜诉判决迟迟未执行到位"],
        ["transport"] = ["反映公交线路调整后出行不便", "反映村道破损严重，要求修复"],
        ["ecology_environment"] = ["反映附近企业排放异味，要求查处", "反映河道污染发臭，要求治理"],
        ["business_environment"] = ["反映项目审批材料被反复退回，要求明确标准", "反映工程款被长期拖欠"],
        ["property_management"] = ["反映物业服务差、收费高，要求整改", "反映电梯频繁故障，物业不作为"],
    };

    private static readonly string[] OtherSummaries = ["反映相关问题，要求依法处理"];

    /// <summary>Which district department leads a category; the rest go to a department at random.</summary>
    private static readonly Dictionary<string, string> DepartmentFor = new(StringComparer.Ordinal)
    {
        ["urban_rural_construction"] = "住房和城乡建设", ["property_management"] = "住房和城乡建设", ["land_resources"] = "住房和城乡建设",
        ["labour_social_security"] = "人力资源和社会保障", ["health"] = "卫生健康", ["business_environment"] = "市场监督管理",
    };

    private static readonly Dictionary<string, string> Replies = new(StringComparer.Ordinal)
    {
        ["support"] = "经核查，反映问题属实，已责成相关单位限期整改到位。",
        ["explain"] = "经核查，相关做法符合政策规定，已向信访人当面解释说明。",
        ["not_support"] = "经核查，所提诉求缺乏政策依据，依法不予支持，并告知复查途径。",
    };

    private readonly List<Place> _places;
    private readonly Dictionary<Guid, Place> _placesByRegion = [];
    private readonly IReadOnlyList<string> _categories;
    private readonly Dictionary<string, UnitSnapshot> _bureaus;
    private readonly DispatchBulkLoading _dispatch;
    private readonly WorkCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly int _seed;

    public CaseGenerator(
        IReadOnlyList<RegionSnapshot> regions,
        IReadOnlyList<UnitSnapshot> units,
        IReadOnlyList<string> categories,
        DispatchBulkLoading dispatch,
        WorkCalendar calendar,
        DateTimeOffset now,
        int seed = DefaultSeed)
    {
        _categories = categories;
        _dispatch = dispatch;
        _calendar = calendar;
        _now = now;
        _seed = seed;
        _bureaus = units.Where(u => u.Kind == "petition_bureau").GroupBy(u => u.RegionPath).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var city = regions.FirstOrDefault(r => r.Level == "city") ?? throw new InvalidOperationException("Demo cases need the organisation's regions: seed them first.");
        var cityDepartments = units.Where(u => u.RegionPath == city.Path && u.Kind == "functional_department").ToList();
        var byPath = regions.ToDictionary(r => r.Path, StringComparer.Ordinal);
        _places = [];
        foreach (var region in regions.Where(r => r.Level is "town" or "village"))
        {
            var townPath = region.Level == "town" ? region.Path : region.Path[..(region.Path.LastIndexOf('/', region.Path.Length - 2) + 1)];
            var districtPath = townPath[..(townPath.LastIndexOf('/', townPath.Length - 2) + 1)];
            var townGovernment = units.FirstOrDefault(u => u.RegionPath == townPath && u.Kind == "town_government");
            if (townGovernment is null || !_bureaus.TryGetValue(districtPath, out var districtBureau) || !byPath.TryGetValue(districtPath, out var district))
            {
                continue;
            }

            var departments = units.Where(u => u.RegionPath == districtPath && u.Kind == "functional_department").ToList();
            var village = units.FirstOrDefault(u => u.RegionPath == region.Path && u.Kind == "village_committee");
            var place = new Place(region, district, townGovernment, districtBureau, departments, village, cityDepartments);
            _places.Add(place);
            _placesByRegion[region.Id] = place;
        }

        if (_places.Count == 0)
        {
            throw new InvalidOperationException("Demo cases need towns with their governments and district petition bureaus: seed the organisation first.");
        }
    }

    /// <summary>A generator over the seeded organisation and the active rules, read in the given scope.</summary>
    public static async Task<CaseGenerator> CreateAsync(IServiceProvider scoped, IReadOnlyList<string> categories, CancellationToken cancellationToken)
    {
        var directory = scoped.GetRequiredService<IOrganizationDirectory>();
        return new CaseGenerator(
            await directory.ListRegionsAsync(cancellationToken),
            await directory.ListUnitsAsync(cancellationToken),
            categories,
            scoped.GetRequiredService<DispatchBulkLoading>(),
            scoped.GetRequiredService<WorkCalendar>(),
            scoped.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary><paramref name="count"/> case histories, handling cases in the order accepted, each followed by its reviews.</summary>
    public IEnumerable<CaseHistory> Generate(int count) => new Run(this, count).Cases();

    /// <summary>
    /// A history for each accepted petition of a town or village, each followed by its reviews: led by the unit the bureau would pick
    /// for its place and category, and taken through the steps the handlers would have taken since it was accepted.
    /// </summary>
    public IEnumerable<CaseHistory> ForAccepted(IEnumerable<PetitionAccepted> accepted)
    {
        var run = new Run(this, 0);
        return accepted
            .Where(a => _placesByRegion.ContainsKey(a.RegionId))
            .SelectMany(a => run.Handling(new Petition(a.PetitionId, a.Number, _placesByRegion[a.RegionId], a.Category, a.Summary ?? a.Number, a.ReceivedAt, a.OccurredAt,
                a.IsFirstTime, a.Flags?.Contains("repeat") == true, a.Flags?.Contains("skip_level") == true)));
    }

    /// <summary>A town or village with the units that handle its matters.</summary>
    private sealed record Place(
        RegionSnapshot Region,
        RegionSnapshot District,
        UnitSnapshot TownGovernment,
        UnitSnapshot DistrictBureau,
        List<UnitSnapshot> Departments,
        UnitSnapshot? VillageCommittee,
        List<UnitSnapshot> CityDepartments);

    /// <summary>The accepted petition a handling case starts from.</summary>
    private sealed record Petition(
        Guid Id, string Number, Place Place, string Category, string Summary, DateTimeOffset ReceivedAt, DateTimeOffset AcceptedAt, bool IsFirstTime, bool IsRepeat, bool IsSkipLevel);

    /// <summary>One pass over the plan; the generator itself stays reusable and every pass yields the same cases.</summary>
    private sealed class Run(CaseGenerator generator, int count)
    {
        private readonly Random _random = new(generator._seed);
        private readonly Dictionary<(string Prefix, int Year), int> _numbers = [];
        private readonly DateOnly _today = WorkCalendar.LocalDate(generator._now);
        private int _emitted;

        private DispatchBulkLoading Dispatch => generator._dispatch;

        private WorkCalendar Calendar => generator._calendar;

        private DateTimeOffset Now => generator._now;

        public IEnumerable<CaseHistory> Cases()
        {
            var first = _today.AddYears(-YearsBack);
            var days = _today.DayNumber - first.DayNumber;
            while (_emitted < count)
            {
                // The day follows the cases emitted, reviews included, so the last case is accepted today.
                var day = first.AddDays((int)((long)_emitted * days / count));
                var workingDay = Calendar.NextWorkingDayOnOrAfter(day);
                foreach (var generated in Handling(Generated(AcceptedAt(workingDay <= _today ? workingDay : day))))
                {
                    if (_emitted++ == count)
                    {
                        yield break;
                    }

                    yield return generated;
                }
            }
        }

        /// <summary>A petition accepted at <paramref name="acceptedAt"/> somewhere in the city, of which only what the dispatch tables hold is made up.</summary>
        private Petition Generated(DateTimeOffset acceptedAt)
        {
            var place = generator._places[_random.Next(generator._places.Count)];
            var category = generator._categories[_random.Next(generator._categories.Count)];
            var receivedAt = acceptedAt - TimeSpan.FromHours(Between(2, 8 * 24));
            var summaries = Summaries.GetValueOrDefault(category, OtherSummaries);
            return new Petition(Guid.CreateVersion7(receivedAt), Number(place.District.Name, WorkCalendar.LocalDate(receivedAt).Year), place, category,
                $"{place.Region.Name}：{summaries[_random.Next(summaries.Length)]}", receivedAt, acceptedAt, Chance(0.7), Chance(0.15), Chance(0.05));
        }

        /// <summary>A handling case and, after a dissatisfied rating, its review and re-review.</summary>
        public IEnumerable<CaseHistory> Handling(Petition petition)
        {
            var place = petition.Place;
            var lead = LeadFor(place, petition.Category);
            var assignedAt = petition.AcceptedAt + TimeSpan.FromHours(Chance(0.02) ? Between(16 * 24, 25 * 24) : Between(1, 72));
            var reassignedTo = Chance(0.04) ? OtherLead(place, lead) : null;
            var history = new CaseHistory
            {
                Id = Guid.CreateVersion7(petition.AcceptedAt),
                PetitionId = petition.Id,
                Number = petition.Number,
                Category = petition.Category,
                Region = place.Region,
                Summary = petition.Summary,
                ReceivedAt = petition.ReceivedAt,
                OpenedAt = petition.AcceptedAt,
                IsFirstTime = petition.IsFirstTime,
                IsRepeat = petition.IsRepeat,
                IsSkipLevel = petition.IsSkipLevel,
                SuggestedUnit = lead,
                AssignedBy = place.DistrictBureau,
                Lead = reassignedTo ?? lead,
                Forwarded = Chance(0.3),
            };
            history = Steps(history, assignedAt, lead, reassignedTo, CoUnitsFor(place, reassignedTo ?? lead));
            yield return history;
            foreach (var suffix in new[] { "复查", "复核" })
            {
                if (history.ReviewRequestedAt is not { } requestedAt || HigherBureau(history.Lead) is not { } bureau)
                {
                    yield break;
                }

                var review = history with
                {
                    Id = Guid.CreateVersion7(requestedAt),
                    ReviewOf = history,
                    Number = $"{petition.Number}-{suffix}",
                    OpenedAt = requestedAt,
                    SuggestedUnit = bureau,
                    AssignedBy = bureau,
                    Lead = bureau,
                    Forwarded = false,
                };
                history = Steps(review, requestedAt, bureau, null, []);
            }
        }

        /// <summary>
        /// When the assigned unit signs, replies and asks for more time (the outcome decides how the reply falls against the
        /// deadline), what the co-handling units write, how the petitioner rates the reply and whether they ask for a review.
        /// </summary>
        private CaseHistory Steps(CaseHistory history, DateTimeOffset assignedAt, UnitSnapshot firstLead, UnitSnapshot? reassignedTo, List<UnitSnapshot> coUnits)
        {
            var replyDue = Dispatch.ReplyDue(WorkCalendar.LocalDate(history.OpenedAt), history.ReviewOf);
            CaseReturnStep? returned = null;
            var lastAssigned = assignedAt;
            if (reassignedTo is not null)
            {
                var returnedAt = assignedAt + TimeSpan.FromHours(Between(2, 72));
                lastAssigned = returnedAt + TimeSpan.FromHours(Between(4, 96));
                returned = new CaseReturnStep(firstLead, returnedAt, "该事项不属于本单位职责范围，建议交由属地办理。", lastAssigned);
            }

            var signedAt = lastAssigned + TimeSpan.FromHours(Chance(0.05) ? Between(48, 120) : Between(0.5, 20));
            var signDay = WorkCalendar.LocalDate(signedAt);
            var roll = _random.NextDouble();
            var stuck = roll >= 0.985;
            var late = roll >= 0.92;

            CaseExtensionStep? extension = null;
            var finalDue = replyDue;
            if (Chance(late ? 0.3 : 0.04))
            {
                var requestedAt = Max(signedAt + TimeSpan.FromDays(1), At(replyDue.AddDays(-_random.Next(3, 15))));
                var days = _random.Next(10, Math.Max(11, Dispatch.MaxExtensionDays + 1));
                var approved = Chance(0.9);
                var decidedAt = requestedAt + TimeSpan.FromHours(Between(4, 72));
                extension = new CaseExtensionStep(days, "需补充调查取证，申请延期办理。", requestedAt, approved, decidedAt, "延期理由不充分，请按期办结。");
                if (approved && decidedAt <= Now)
                {
                    finalDue = Dispatch.Extended(replyDue, days, history.ReviewOf);
                }
            }

            CasePauseStep? pause = null;
            if (extension is null && Chance(0.015))
            {
                var pausedAt = signedAt + TimeSpan.FromDays(Between(3, 20));
                var resumedAt = pausedAt + TimeSpan.FromDays(Between(5, 30));
                pause = new CasePauseStep("需进行司法鉴定，暂停办理时限。", pausedAt, resumedAt);
                finalDue = Dispatch.Extended(replyDue, Dispatch.PausedDays(WorkCalendar.LocalDate(pausedAt), WorkCalendar.LocalDate(resumedAt), history.ReviewOf), history.ReviewOf);
            }

            var repliedOn = stuck ? finalDue.AddDays(_random.Next(30, 400))
                : late ? finalDue.AddDays(_random.Next(1, 26))
                : roll >= 0.80 ? finalDue.AddDays(-_random.Next(0, 4))
                : signDay.AddDays(_random.Next(5, Math.Max(6, finalDue.DayNumber - signDay.DayNumber - 4)));
            var repliedAt = Max(At(repliedOn), signedAt + TimeSpan.FromHours(2));
            if (pause?.ResumedAt is { } resumed && repliedAt < resumed)
            {
                repliedAt = resumed + TimeSpan.FromHours(Between(4, 48));
            }

            var co = coUnits.Select(unit =>
            {
                var inputAt = signedAt + TimeSpan.FromDays(Between(2, 20));
                return new CaseCoUnitStep(unit, inputAt < repliedAt ? inputAt : repliedAt - TimeSpan.FromHours(1), "已按职责核查相关情况，意见已书面反馈主办单位。");
            }).ToList();
            var lead = reassignedTo ?? firstLead;
            var opinion = _random.NextDouble() switch { < 0.45 => "support", < 0.85 => "explain", _ => "not_support" };
            history = history with
            {
                AssignedAt = assignedAt,
                Return = returned,
                CoUnits = co,
                SignedAt = signedAt,
                Extension = extension,
                Pause = pause,
                Order = Order(history, lead, signedAt, repliedAt, finalDue),
                ListedAt = stuck && At(finalDue.AddDays(20)) is var listedAt && Chance(0.35) ? listedAt : null,
                ListedReason = "久拖未决，挂牌督办。",
                RepliedAt = repliedAt,
                Opinion = opinion,
                ReplyText = Replies[opinion],
            };
            return Rated(history, repliedAt);
        }

        /// <summary>Most replies are rated, by the petitioner or on a callback; a dissatisfied petitioner may ask for a review within the window.</summary>
        private CaseHistory Rated(CaseHistory history, DateTimeOffset repliedAt)
        {
            var rated = Chance(0.85);
            var ratedAt = repliedAt + TimeSpan.FromHours(Between(1, 12 * 24));
            var closedAt = (rated ? ratedAt : repliedAt + TimeSpan.FromDays(Dispatch.UnratedAfterDays)) + TimeSpan.FromHours(Between(1, 5 * 24));
            if (!rated)
            {
                return history with { ClosedAt = closedAt };
            }

            var rating = _random.NextDouble() switch { < 0.72 => "satisfied", < 0.91 => "basically_satisfied", _ => "dissatisfied" };
            var byPetitioner = Chance(0.55);
            var windowEnd = Dispatch.ReviewRequestDeadline(WorkCalendar.LocalDate(repliedAt), history.ReviewOf);
            var reviewAt = ratedAt + TimeSpan.FromDays(Between(1, 10));
            var review = rating == "dissatisfied" && history.ReviewOf?.ReviewOf is null && Chance(0.45) && reviewAt <= Now && WorkCalendar.LocalDate(reviewAt) <= windowEnd;
            return history with
            {
                RatedAt = ratedAt,
                Rating = rating,
                RatedByPetitioner = byPetitioner,
                ReviewRequestedAt = review ? reviewAt : null,
                ReviewRequestReason = history.ReviewOf is null ? "对处理意见不服，请求复查。" : "对复查意见不服，请求复核。",
                ClosedAt = closedAt,
            };
        }

        /// <summary>A supervision order for a late reply, some days after the deadline, answered by the lead unit within days.</summary>
        private CaseOrderStep? Order(CaseHistory history, UnitSnapshot lead, DateTimeOffset signedAt, DateTimeOffset repliedAt, DateOnly dueOn)
        {
            var lateReply = repliedAt > At(dueOn.AddDays(1));
            if (!(lateReply ? Chance(0.4) : Chance(0.01)))
            {
                return null;
            }

            var issuedAt = lateReply ? At(dueOn.AddDays(_random.Next(2, 10))) : signedAt + TimeSpan.FromDays(Between(3, 15));
            var issuer = history.AssignedBy.Id == lead.Id ? HigherBureau(lead) ?? history.AssignedBy : history.AssignedBy;
            var answeredAt = issuedAt + TimeSpan.FromDays(Between(1, 5));
            return new CaseOrderStep("请于五个工作日内书面报告办理进展及结果。", Calendar.AddWorkingDays(WorkCalendar.LocalDate(issuedAt), 5), issuedAt, issuer.Name,
                Chance(0.8) ? answeredAt : null, "已组织专题研究，正在加快办理，预计近期答复。");
        }

        /// <summary>Half the matters go to the town government, a third to the district department of the category, the rest to the village, the bureau or the city.</summary>
        private UnitSnapshot LeadFor(Place place, string category)
        {
            var roll = _random.NextDouble();
            if (roll < 0.5)
            {
                return place.TownGovernment;
            }

            if (roll < 0.83 && place.Departments.Count > 0)
            {
                return DepartmentFor.TryGetValue(category, out var name) && place.Departments.FirstOrDefault(d => d.Name.Contains(name, StringComparison.Ordinal)) is { } department
                    ? department
                    : place.Departments[_random.Next(place.Departments.Count)];
            }

            if (roll < 0.9 && place.VillageCommittee is not null)
            {
                return place.VillageCommittee;
            }

            return roll < 0.96 || place.CityDepartments.Count == 0 ? place.DistrictBureau : place.CityDepartments[_random.Next(place.CityDepartments.Count)];
        }

        /// <summary>After a return, the bureau re-assigns to the town government, or to a department when the town returned it.</summary>
        private UnitSnapshot OtherLead(Place place, UnitSnapshot returnedBy) =>
            returnedBy.Id != place.TownGovernment.Id || place.Departments.Count == 0 ? place.TownGovernment : place.Departments[_random.Next(place.Departments.Count)];

        private List<UnitSnapshot> CoUnitsFor(Place place, UnitSnapshot lead)
        {
            if (!Chance(0.12))
            {
                return [];
            }

            var candidates = place.Departments.Append(place.TownGovernment).Where(u => u.Id != lead.Id).ToList();
            return candidates.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3)).ToList();
        }

        /// <summary>As the dispatch module's review opener finds it: the petition bureau of the region above the lead unit's region.</summary>
        private UnitSnapshot? HigherBureau(UnitSnapshot lead)
        {
            var codes = lead.RegionPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return codes.Length < 2 ? null : generator._bureaus.GetValueOrDefault("/" + string.Join('/', codes.Take(codes.Length - 1)) + "/");
        }

        private string Number(string districtName, int year)
        {
            var prefix = districtName.Length > 2 && (districtName.EndsWith('区') || districtName.EndsWith('市') || districtName.EndsWith('县')) ? districtName[..^1] : districtName;
            var next = _numbers.GetValueOrDefault((prefix, year), FirstNumber);
            _numbers[(prefix, year)] = next + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{next:000000}");
        }

        /// <summary>Petitions are accepted in office hours.</summary>
        private DateTimeOffset AcceptedAt(DateOnly day) => Local(day, _random.Next(8, 17), _random.Next(0, 60));

        /// <summary>Staff act on a day in office hours.</summary>
        private DateTimeOffset At(DateOnly day) => Local(day, _random.Next(9, 17), _random.Next(0, 60));

        private static DateTimeOffset Local(DateOnly day, int hour, int minute)
        {
            var local = day.ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, WorkCalendar.ChinaStandardTime.GetUtcOffset(local)).ToUniversalTime();
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private bool Chance(double p) => _random.NextDouble() < p;

        private double Between(double low, double high) => low + (_random.NextDouble() * (high - low));
    }
}
