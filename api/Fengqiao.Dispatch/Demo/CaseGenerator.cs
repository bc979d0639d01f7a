using System.Globalization;
using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Organization;
using Fengqiao.Dispatch.Cases;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.Demo;

/// <summary>A timeline entry as <see cref="CaseSql.InsertTimeline"/> takes it; generated steps name the acting unit, not a person.</summary>
internal sealed record GeneratedTimelineEntry(Guid Id, Guid CaseId, DateTimeOffset OccurredAt, string Kind, bool IsPublic, string Text, string? UnitName)
{
    public Guid? UserId => null;

    public string? UserName => null;

    public bool ByAgent => false;
}

internal sealed record GeneratedCoUnit(Guid CaseId, Guid UnitId, string UnitName, DateTimeOffset? InputAt, string InputText);

internal sealed record GeneratedExtension(Guid Id, Guid CaseId, int Days, string Reason, DateTimeOffset RequestedAt, string? Decision, DateTimeOffset? DecidedAt, string? DecidedByName);

internal sealed record GeneratedPause(Guid Id, Guid CaseId, string Reason, DateTimeOffset PausedAt, DateTimeOffset? ResumedAt, int Days);

internal sealed record GeneratedOrder(
    Guid Id, Guid CaseId, Guid UnitId, string UnitName, string Text, DateOnly DueOn, DateTimeOffset IssuedAt, string IssuedByName, DateTimeOffset? AnsweredAt, string AnswerText);

internal sealed record GeneratedBreach(Guid CaseId, string Kind, DateTimeOffset Now);

internal sealed record GeneratedReminder(Guid Id, Guid CaseId, string Step, string Light, DateOnly DueOn, DateTimeOffset Now);

/// <summary>
/// One generated case with what its steps left in the other dispatch tables. The checklist is copied only onto cases
/// not closed yet (the case page of a closed case shows its timeline, not its ticks).
/// </summary>
internal sealed record GeneratedCase(
    CaseRow Row,
    List<GeneratedTimelineEntry> Timeline,
    List<GeneratedCoUnit> CoUnits,
    GeneratedExtension? Extension,
    GeneratedPause? Pause,
    GeneratedOrder? Order,
    IReadOnlyList<ChecklistItemTemplate> Checklist,
    DateTimeOffset? ChecklistDoneAt,
    List<GeneratedBreach> Breaches,
    List<GeneratedReminder> Reminders);

/// <summary>
/// Cases for load tests, reproducible from a seed: accepted over the last four years at an even pace, in the towns and
/// villages of every district, led mostly by the town government or the district department for the category, and
/// taken through the steps the handlers would have taken by now — assignment or forwarding, a return now and then,
/// signature, co-handling input, extensions and clock pauses, replies on time, close to the deadline, late or stuck
/// as backlog, supervision orders and listing for the late ones, rating, closing, and review (复查) and re-review (复核)
/// one level up after a dissatisfied rating. Deadlines, lights and breaches follow the rule set and the work calendar
/// as the handlers and the deadline watcher would have set them today. The cases' petitions are not generated: the
/// dispatch tables hold their ids, numbers and summaries only.
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

    private static readonly Dictionary<Opinion, string> Replies = new()
    {
        [Opinion.Support] = "经核查，反映问题属实，已责成相关单位限期整改到位。",
        [Opinion.Explain] = "经核查，相关做法符合政策规定，已向信访人当面解释说明。",
        [Opinion.NotSupport] = "经核查，所提诉求缺乏政策依据，依法不予支持，并告知复查途径。",
    };

    private readonly List<Place> _places;
    private readonly IReadOnlyList<string> _categories;
    private readonly Dictionary<string, UnitSnapshot> _bureaus;
    private readonly DispatchRules _rules;
    private readonly WorkCalendar _calendar;
    private readonly DateTimeOffset _now;
    private readonly int _seed;

    public CaseGenerator(
        IReadOnlyList<RegionSnapshot> regions,
        IReadOnlyList<UnitSnapshot> units,
        IReadOnlyList<string> categories,
        DispatchRules rules,
        WorkCalendar calendar,
        DateTimeOffset now,
        int seed = DefaultSeed)
    {
        _categories = categories;
        _rules = rules;
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
            _places.Add(new Place(region, district, townGovernment, districtBureau, departments, village, cityDepartments));
        }

        if (_places.Count == 0)
        {
            throw new InvalidOperationException("Demo cases need towns with their governments and district petition bureaus: seed the organisation first.");
        }
    }

    /// <summary><paramref name="count"/> cases, handling cases in the order accepted, each followed by its reviews.</summary>
    public IEnumerable<GeneratedCase> Generate(int count) => new Run(this, count).Cases();

    /// <summary>A town or village with the units that handle its matters.</summary>
    private sealed record Place(
        RegionSnapshot Region,
        RegionSnapshot District,
        UnitSnapshot TownGovernment,
        UnitSnapshot DistrictBureau,
        List<UnitSnapshot> Departments,
        UnitSnapshot? VillageCommittee,
        List<UnitSnapshot> CityDepartments);

    /// <summary>When each step of a case happens; null when it never does. Instants may lie after now: those steps have not happened yet.</summary>
    private sealed record Plan
    {
        public required DateTimeOffset OpenedAt { get; init; }

        public required UnitSnapshot AssignedBy { get; init; }

        public required UnitSnapshot FirstLead { get; init; }

        public required UnitSnapshot Lead { get; init; }

        public required DateTimeOffset AssignedAt { get; init; }

        public DateTimeOffset? ReturnedAt { get; init; }

        public DateTimeOffset? ReassignedAt { get; init; }

        public required DateTimeOffset SignedAt { get; init; }

        public required DateOnly StatutoryReplyDue { get; init; }

        public required DateTimeOffset RepliedAt { get; init; }

        public required DateOnly FinalReplyDue { get; init; }

        public GeneratedExtension? Extension { get; init; }

        public GeneratedPause? Pause { get; init; }

        public required bool Stuck { get; init; }
    }

    /// <summary>One pass over the plan; the generator itself stays reusable and every pass yields the same cases.</summary>
    private sealed class Run(CaseGenerator generator, int count)
    {
        private readonly Random _random = new(generator._seed);
        private readonly Dictionary<(string Prefix, int Year), int> _numbers = [];
        private readonly DateOnly _today = WorkCalendar.LocalDate(generator._now);
        private int _emitted;

        private DispatchRules Rules => generator._rules;

        private WorkCalendar Calendar => generator._calendar;

        public IEnumerable<GeneratedCase> Cases()
        {
            var first = _today.AddYears(-YearsBack);
            var days = _today.DayNumber - first.DayNumber;
            while (_emitted < count)
            {
                // The day follows the cases emitted, reviews included, so the last case is accepted today.
                var day = first.AddDays((int)((long)_emitted * days / count));
                var workingDay = Calendar.NextWorkingDayOnOrAfter(day);
                foreach (var generated in Handling(AcceptedAt(workingDay <= _today ? workingDay : day)))
                {
                    if (_emitted++ == count)
                    {
                        yield break;
                    }

                    yield return generated;
                }
            }
        }

        /// <summary>A handling case and, after a dissatisfied rating, its review and re-review.</summary>
        private IEnumerable<GeneratedCase> Handling(DateTimeOffset acceptedAt)
        {
            var place = generator._places[_random.Next(generator._places.Count)];
            var category = generator._categories[_random.Next(generator._categories.Count)];
            var receivedAt = acceptedAt - TimeSpan.FromHours(Between(2, 8 * 24));
            var assignmentDue = Rules.AssignmentDeadline.From(WorkCalendar.LocalDate(receivedAt), Calendar);
            var lead = LeadFor(place, category);
            var assignedAt = acceptedAt + TimeSpan.FromHours(Chance(0.02) ? Between(16 * 24, 25 * 24) : Between(1, 72));
            var plan = Steps(acceptedAt, assignedAt, place.DistrictBureau, lead, Chance(0.04) ? OtherLead(place, lead) : null,
                CaseClock.ReplyDue(WorkCalendar.LocalDate(acceptedAt), Rules.ReplyDeadline, 0, 0, Calendar), Rules.ReplyDeadline);
            var summaries = Summaries.GetValueOrDefault(category, OtherSummaries);
            var number = Number(place.District.Name, WorkCalendar.LocalDate(receivedAt).Year);
            var start = new CaseRow
            {
                Id = Guid.CreateVersion7(acceptedAt),
                PetitionId = Guid.CreateVersion7(receivedAt),
                Kind = CaseKind.Handling,
                Number = number,
                Category = category,
                RegionId = place.Region.Id,
                RegionPath = place.Region.Path,
                RegionName = place.Region.Name,
                Summary = $"{place.Region.Name}：{summaries[_random.Next(summaries.Length)]}",
                ReceivedAt = receivedAt,
                AcceptedAt = acceptedAt,
                IsFirstTime = Chance(0.7),
                IsRepeat = Chance(0.15),
                IsSkipLevel = Chance(0.05),
                Status = CaseStatus.AwaitingAssignment,
                SuggestedUnitId = lead.Id,
                ReportRequired = false,
                AssignmentDue = assignmentDue,
                ExtensionDays = 0,
                PausedDays = 0,
                CurrentStep = ClockStep.Assignment,
                CurrentDueOn = assignmentDue,
                CurrentYellowOn = assignmentDue,
                Light = Light.Green,
                IsListed = false,
                CreatedAt = acceptedAt,
                Version = 1,
            };

            var parent = Build(start, plan, CoUnitsFor(place, plan.Lead));
            yield return parent;
            foreach (var (kind, deadline, suffix) in new[] { (CaseKind.Review, Rules.ReviewDeadline, "复查"), (CaseKind.ReReview, Rules.ReReviewDeadline, "复核") })
            {
                if (parent.Row.ReviewRequestedAt is not { } requestedAt || HigherBureau(plan.Lead) is not { } bureau)
                {
                    yield break;
                }

                var day = WorkCalendar.LocalDate(requestedAt);
                var review = start with
                {
                    Id = Guid.CreateVersion7(requestedAt),
                    Kind = kind,
                    ParentCaseId = parent.Row.Id,
                    Number = $"{number}-{suffix}",
                    SuggestedUnitId = bureau.Id,
                    AssignmentDue = day,
                    CreatedAt = requestedAt,
                };
                plan = Steps(requestedAt, requestedAt, bureau, bureau, null, deadline.From(day, Calendar), deadline);
                parent = Build(review, plan, []);
                yield return parent;
            }
        }

        /// <summary>When the assigned unit signs, replies and asks for more time; the outcome decides how the reply falls against the deadline.</summary>
        private Plan Steps(DateTimeOffset openedAt, DateTimeOffset assignedAt, UnitSnapshot assignedBy, UnitSnapshot firstLead, UnitSnapshot? reassignedTo, DateOnly replyDue, Period period)
        {
            DateTimeOffset? returnedAt = null;
            DateTimeOffset? reassignedAt = null;
            var lastAssigned = assignedAt;
            if (reassignedTo is not null)
            {
                returnedAt = assignedAt + TimeSpan.FromHours(Between(2, 72));
                reassignedAt = returnedAt + TimeSpan.FromHours(Between(4, 96));
                lastAssigned = reassignedAt.Value;
            }

            var signedAt = lastAssigned + TimeSpan.FromHours(Chance(0.05) ? Between(48, 120) : Between(0.5, 20));
            var signDay = WorkCalendar.LocalDate(signedAt);
            var roll = _random.NextDouble();
            var stuck = roll >= 0.985;
            var late = roll >= 0.92;

            GeneratedExtension? extension = null;
            var finalDue = replyDue;
            if (Chance(late ? 0.3 : 0.04))
            {
                var requestedAt = Max(signedAt + TimeSpan.FromDays(1), At(replyDue.AddDays(-_random.Next(3, 15))));
                var days = _random.Next(10, Math.Max(11, Rules.MaxExtensionDays + 1));
                var approved = Chance(0.9);
                var decidedAt = requestedAt + TimeSpan.FromHours(Between(4, 72));
                extension = new GeneratedExtension(Guid.CreateVersion7(requestedAt), Guid.Empty, days, "需补充调查取证，申请延期办理。", requestedAt,
                    approved ? "Approved" : "Refused", decidedAt, assignedBy.Name);
                if (approved && decidedAt <= generator._now)
                {
                    finalDue = (period with { Days = days }).From(replyDue, Calendar);
                }
            }

            GeneratedPause? pause = null;
            if (extension is null && Chance(0.015))
            {
                var pausedAt = signedAt + TimeSpan.FromDays(Between(3, 20));
                var resumedAt = pausedAt + TimeSpan.FromDays(Between(5, 30));
                var days = period.Count(WorkCalendar.LocalDate(pausedAt), WorkCalendar.LocalDate(resumedAt), Calendar);
                pause = new GeneratedPause(Guid.CreateVersion7(pausedAt), Guid.Empty, "需进行司法鉴定，暂停办理时限。", pausedAt, resumedAt, days);
                finalDue = (period with { Days = days }).From(replyDue, Calendar);
            }

            var repliedOn = stuck ? finalDue.AddDays(_random.Next(30, 400))
                : late ? finalDue.AddDays(_random.Next(1, 26))
                : roll >= 0.80 ? finalDue.AddDays(-_random.Next(0, 4))
                : signDay.AddDays(_random.Next(5, Math.Max(6, finalDue.DayNumber - signDay.DayNumber - 4)));
            var repliedAt = Max(At(repliedOn), signedAt + TimeSpan.FromHours(2));
            if (pause is not null && repliedAt < pause.ResumedAt)
            {
                repliedAt = pause.ResumedAt.Value + TimeSpan.FromHours(Between(4, 48));
            }

            return new Plan
            {
                OpenedAt = openedAt,
                AssignedBy = assignedBy,
                FirstLead = firstLead,
                Lead = reassignedTo ?? firstLead,
                AssignedAt = assignedAt,
                ReturnedAt = returnedAt,
                ReassignedAt = reassignedAt,
                SignedAt = signedAt,
                StatutoryReplyDue = replyDue,
                RepliedAt = repliedAt,
                FinalReplyDue = finalDue,
                Extension = extension,
                Pause = pause,
                Stuck = stuck,
            };
        }

        /// <summary>Takes the case through the plan up to now and records what each step left behind.</summary>
        private GeneratedCase Build(CaseRow start, Plan plan, List<UnitSnapshot> coUnits)
        {
            var now = generator._now;
            var timeline = new List<GeneratedTimelineEntry>();
            var breaches = new List<GeneratedBreach>();
            var reminders = new List<GeneratedReminder>();
            var row = start;

            void Step(DateTimeOffset at, CaseEventKind kind, bool isPublic, string text, string? unitName) =>
                timeline.Add(new GeneratedTimelineEntry(Guid.CreateVersion7(at), row.Id, at, kind.ToString(), isPublic, text, unitName));

            void Breach(ClockStep step, DateTimeOffset at)
            {
                var kind = CaseStore.BreachFor(step);
                if (at <= now && !breaches.Exists(b => b.Kind == kind))
                {
                    breaches.Add(new GeneratedBreach(row.Id, kind, at));
                }
            }

            Step(plan.OpenedAt, CaseEventKind.Opened, false, row.Kind switch
            {
                CaseKind.Handling => row.Number,
                CaseKind.Review => "对处理意见不服，请求复查。",
                _ => "对复查意见不服，请求复核。",
            }, null);
            if (plan.AssignedAt > now)
            {
                return Finish(row, timeline, [], null, null, null, breaches, reminders);
            }

            var mode = row.Kind == CaseKind.Handling && Chance(0.3) ? AssignmentMode.Forward : AssignmentMode.Assign;
            row = Assigned(row, plan.FirstLead, mode, plan.AssignedAt, plan.StatutoryReplyDue);
            if (row.Kind == CaseKind.Handling && WorkCalendar.LocalDate(plan.AssignedAt) > row.AssignmentDue)
            {
                Breach(ClockStep.Assignment, plan.AssignedAt);
            }

            Step(plan.AssignedAt, mode == AssignmentMode.Forward ? CaseEventKind.Forwarded : CaseEventKind.Assigned, true, plan.FirstLead.Name, plan.AssignedBy.Name);
            if (plan.ReturnedAt is { } returnedAt && returnedAt <= now)
            {
                row = row with { Status = CaseStatus.Returned, SignedAt = null };
                Step(returnedAt, CaseEventKind.Returned, false, "该事项不属于本单位职责范围，建议交由属地办理。", plan.FirstLead.Name);
                if (plan.ReassignedAt > now)
                {
                    return Finish(row, timeline, [], null, null, null, breaches, reminders);
                }

                row = Assigned(row, plan.Lead, mode, plan.ReassignedAt!.Value, plan.StatutoryReplyDue);
                Step(plan.ReassignedAt.Value, CaseEventKind.Reassigned, true, plan.Lead.Name, plan.AssignedBy.Name);
            }

            var co = coUnits.Select(u =>
            {
                var inputAt = plan.SignedAt + TimeSpan.FromDays(Between(2, 20));
                inputAt = inputAt < plan.RepliedAt ? inputAt : plan.RepliedAt - TimeSpan.FromHours(1);
                return new GeneratedCoUnit(row.Id, u.Id, u.Name, inputAt <= now ? inputAt : null, "已按职责核查相关情况，意见已书面反馈主办单位。");
            }).ToList();
            if (plan.SignedAt > now)
            {
                return Finish(row, timeline, co, null, null, null, breaches, reminders);
            }

            row = row with { Status = CaseStatus.InProgress, SignedAt = plan.SignedAt };
            if (WorkCalendar.LocalDate(plan.SignedAt) > row.SignDue)
            {
                Breach(ClockStep.Signature, plan.SignedAt);
            }

            Step(plan.SignedAt, CaseEventKind.Signed, true, plan.Lead.Name, plan.Lead.Name);
            foreach (var input in co.Where(c => c.InputAt is not null))
            {
                Step(input.InputAt!.Value, CaseEventKind.CoUnitInput, false, input.InputText, input.UnitName);
            }

            var extension = plan.Extension is { RequestedAt: var requested } e && requested <= now && requested < plan.RepliedAt
                ? e with { CaseId = row.Id, Decision = e.DecidedAt <= now ? e.Decision : null, DecidedAt = e.DecidedAt <= now ? e.DecidedAt : null }
                : null;
            if (extension is not null)
            {
                Step(extension.RequestedAt, CaseEventKind.ExtensionRequested, false, $"{extension.Days}: {extension.Reason}", plan.Lead.Name);
                if (extension.Decision == "Approved")
                {
                    row = row with { ExtensionDays = extension.Days, ReplyDue = plan.FinalReplyDue };
                    Step(extension.DecidedAt!.Value, CaseEventKind.ExtensionApproved, true, $"{plan.FinalReplyDue:yyyy-MM-dd}: {extension.Reason}", extension.DecidedByName);
                }
                else if (extension.Decision == "Refused")
                {
                    Step(extension.DecidedAt!.Value, CaseEventKind.ExtensionRefused, false, "延期理由不充分，请按期办结。", extension.DecidedByName);
                }
            }

            var pause = plan.Pause is { PausedAt: var pausedAt } p && pausedAt <= now ? p with { CaseId = row.Id } : null;
            if (pause is not null)
            {
                Step(pause.PausedAt, CaseEventKind.ClockPaused, true, pause.Reason, plan.Lead.Name);
                if (pause.ResumedAt > now)
                {
                    var pausedDay = WorkCalendar.LocalDate(pause.PausedAt);
                    var frozen = CaseClock.Read(row.Status, row.AssignmentDue, row.SignDue, row.ReplyDue, pausedDay, Rules.YellowWorkingDays, Calendar);
                    row = row with
                    {
                        PausedAt = pause.PausedAt, PauseReason = pause.Reason, CurrentStep = frozen.Step, CurrentDueOn = frozen.DueOn, CurrentYellowOn = frozen.YellowOn,
                        Light = frozen.Light,
                    };
                    pause = pause with { ResumedAt = null };
                    return Finish(row, timeline, co, extension, pause, Order(row, plan, timeline), breaches, reminders, frozen: true);
                }

                row = row with { PausedDays = pause.Days, ReplyDue = plan.FinalReplyDue };
                Step(pause.ResumedAt!.Value, CaseEventKind.ClockResumed, true, $"{plan.FinalReplyDue:yyyy-MM-dd}", plan.Lead.Name);
            }

            var order = Order(row, plan, timeline);
            var dueOn = row.ReplyDue!.Value;
            var yellowOn = CaseClock.YellowFrom(dueOn, Rules.YellowWorkingDays, Calendar);
            var lastOpenDay = plan.RepliedAt <= now ? WorkCalendar.LocalDate(plan.RepliedAt) : _today;
            if (yellowOn <= lastOpenDay && yellowOn <= dueOn)
            {
                Watched(row, ClockStep.Reply, dueOn, yellowOn, Light.Yellow, timeline, reminders);
            }

            if (dueOn < lastOpenDay)
            {
                Watched(row, ClockStep.Reply, dueOn, dueOn.AddDays(1), Light.Red, timeline, reminders);
                Breach(ClockStep.Reply, Local(dueOn.AddDays(1), 0, 5));
            }

            if (plan.Stuck && At(dueOn.AddDays(20)) is var listedAt && listedAt <= now && listedAt < plan.RepliedAt && Chance(0.35))
            {
                row = row with { IsListed = true, ListedReason = "久拖未决，挂牌督办。" };
                Step(listedAt, CaseEventKind.ListedForSupervision, false, "久拖未决，挂牌督办。", plan.AssignedBy.Name);
            }

            if (plan.RepliedAt > now)
            {
                return Finish(row, timeline, co, extension, pause, order, breaches, reminders);
            }

            var opinion = _random.NextDouble() switch { < 0.45 => Opinion.Support, < 0.85 => Opinion.Explain, _ => Opinion.NotSupport };
            row = row with { Status = CaseStatus.Replied, RepliedAt = plan.RepliedAt, Opinion = opinion, ReplyText = Replies[opinion] };
            Step(plan.RepliedAt, CaseEventKind.Replied, true, Replies[opinion], plan.Lead.Name);

            var rated = Chance(0.85);
            var ratedAt = plan.RepliedAt + TimeSpan.FromHours(Between(1, 12 * 24));
            if (rated && ratedAt <= now)
            {
                var rating = _random.NextDouble() switch { < 0.72 => Rating.Satisfied, < 0.91 => Rating.BasicallySatisfied, _ => Rating.Dissatisfied };
                var byPetitioner = Chance(0.55);
                row = row with { Rating = rating, RatingSource = byPetitioner ? RatingSource.Petitioner : RatingSource.Callback, RatedAt = ratedAt };
                Step(ratedAt, CaseEventKind.Rated, byPetitioner, rating.ToSnakeCase(), byPetitioner ? null : plan.Lead.Name);
                var windowEnd = (row.Kind == CaseKind.Handling ? Rules.ReviewRequestWindow : Rules.ReReviewRequestWindow).From(WorkCalendar.LocalDate(plan.RepliedAt), Calendar);
                var reviewAt = ratedAt + TimeSpan.FromDays(Between(1, 10));
                if (rating == Rating.Dissatisfied && row.Kind != CaseKind.ReReview && Chance(0.45) && reviewAt <= now && WorkCalendar.LocalDate(reviewAt) <= windowEnd)
                {
                    row = row with { ReviewRequestedAt = reviewAt };
                    Step(reviewAt, CaseEventKind.ReviewRequested, true, row.Kind == CaseKind.Handling ? "对处理意见不服，请求复查。" : "对复查意见不服，请求复核。", null);
                }
            }

            var closedAt = (rated ? ratedAt : plan.RepliedAt + TimeSpan.FromDays(Rules.UnratedAfterDays)) + TimeSpan.FromHours(Between(1, 5 * 24));
            if (closedAt > now)
            {
                return Finish(row, timeline, co, extension, pause, order, breaches, reminders, checklistDoneAt: plan.RepliedAt - TimeSpan.FromHours(1));
            }

            var final = row.Kind == CaseKind.ReReview;
            row = row with { Status = CaseStatus.Closed, ClosedAt = closedAt, FinalAt = final ? closedAt : null };
            Step(closedAt, CaseEventKind.Closed, true, string.Empty, plan.Lead.Name);
            if (final)
            {
                Step(closedAt, CaseEventKind.Final, true, row.Number, plan.Lead.Name);
            }

            return Finish(row, timeline, co, extension, pause, order, breaches, reminders);
        }

        /// <summary>Reads the clock as <see cref="CaseStore.SaveAsync"/> would today; a paused clock keeps the reading of the day it stopped.</summary>
        private GeneratedCase Finish(
            CaseRow row,
            List<GeneratedTimelineEntry> timeline,
            List<GeneratedCoUnit> coUnits,
            GeneratedExtension? extension,
            GeneratedPause? pause,
            GeneratedOrder? order,
            List<GeneratedBreach> breaches,
            List<GeneratedReminder> reminders,
            bool frozen = false,
            DateTimeOffset? checklistDoneAt = null)
        {
            if (!frozen)
            {
                var reading = CaseClock.Read(row.Status, row.AssignmentDue, row.SignDue, row.ReplyDue, _today, Rules.YellowWorkingDays, Calendar);
                row = row with { CurrentStep = reading.Step, CurrentDueOn = reading.DueOn, CurrentYellowOn = reading.YellowOn, Light = reading.Light };
                if (reading.Light == Light.Red && reading.Step != ClockStep.Reply)
                {
                    breaches.Add(new GeneratedBreach(row.Id, CaseStore.BreachFor(reading.Step), Local(reading.DueOn.AddDays(1), 0, 5)));
                    Watched(row, reading.Step, reading.DueOn, reading.DueOn.AddDays(1), Light.Red, timeline, reminders);
                }
            }

            var open = row.Status != CaseStatus.Closed;
            return new GeneratedCase(row, timeline, coUnits, extension, pause, order, open ? Rules.ChecklistFor(row.IsFirstTime) : [], checklistDoneAt, breaches, reminders);
        }

        /// <summary>What the deadline watcher left when the light changed: a reminder and an internal timeline entry, just after midnight.</summary>
        private void Watched(CaseRow row, ClockStep step, DateOnly dueOn, DateOnly on, Light light, List<GeneratedTimelineEntry> timeline, List<GeneratedReminder> reminders)
        {
            var at = Local(on, 0, 5);
            if (at > generator._now)
            {
                return;
            }

            reminders.Add(new GeneratedReminder(Guid.CreateVersion7(at), row.Id, step.ToString(), light.ToString(), dueOn, at));
            timeline.Add(new GeneratedTimelineEntry(Guid.CreateVersion7(at), row.Id, at, (light == Light.Red ? CaseEventKind.Overdue : CaseEventKind.DueSoon).ToString(), false,
                dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null));
        }

        /// <summary>A supervision order for a late reply, some days after the deadline, answered by the lead unit within days.</summary>
        private GeneratedOrder? Order(CaseRow row, Plan plan, List<GeneratedTimelineEntry> timeline)
        {
            var dueOn = row.ReplyDue!.Value;
            var lateReply = plan.RepliedAt > At(dueOn.AddDays(1));
            if (!(lateReply ? Chance(0.4) : Chance(0.01)))
            {
                return null;
            }

            var issuedAt = lateReply ? At(dueOn.AddDays(_random.Next(2, 10))) : plan.SignedAt + TimeSpan.FromDays(Between(3, 15));
            if (issuedAt > generator._now || issuedAt >= plan.RepliedAt)
            {
                return null;
            }

            var issuer = plan.AssignedBy.Id == plan.Lead.Id ? HigherBureau(plan.Lead) ?? plan.AssignedBy : plan.AssignedBy;
            const string text = "请于五个工作日内书面报告办理进展及结果。";
            var answeredAt = issuedAt + TimeSpan.FromDays(Between(1, 5));
            var answered = Chance(0.8) && answeredAt <= generator._now;
            const string answer = "已组织专题研究，正在加快办理，预计近期答复。";
            timeline.Add(new GeneratedTimelineEntry(Guid.CreateVersion7(issuedAt), row.Id, issuedAt, nameof(CaseEventKind.SupervisionOrderIssued), false, $"{plan.Lead.Name}: {text}", issuer.Name));
            if (answered)
            {
                timeline.Add(new GeneratedTimelineEntry(Guid.CreateVersion7(answeredAt), row.Id, answeredAt, nameof(CaseEventKind.SupervisionOrderAnswered), false, answer, plan.Lead.Name));
            }

            return new GeneratedOrder(Guid.CreateVersion7(issuedAt), row.Id, plan.Lead.Id, plan.Lead.Name, text, Calendar.AddWorkingDays(WorkCalendar.LocalDate(issuedAt), 5),
                issuedAt, issuer.Name, answered ? answeredAt : null, answer);
        }

        /// <summary>As <see cref="AssignCaseHandler"/> sets it: the lead, the sign and return periods from the day assigned, the statutory reply deadline.</summary>
        private CaseRow Assigned(CaseRow row, UnitSnapshot lead, AssignmentMode mode, DateTimeOffset at, DateOnly replyDue)
        {
            var day = WorkCalendar.LocalDate(at);
            return row with
            {
                Status = CaseStatus.AwaitingSignature,
                AssignmentMode = mode,
                ReportRequired = mode == AssignmentMode.Assign,
                LeadUnitId = lead.Id,
                LeadUnitName = lead.Name,
                AssignedAt = at,
                SignDue = Rules.SignDeadline.From(day, Calendar),
                ReturnDue = Rules.ReturnDeadline.From(day, Calendar),
                ReplyDue = replyDue,
                SignedAt = null,
            };
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

        /// <summary>As <see cref="ReviewOpener"/> finds it: the petition bureau of the region above the lead unit's region.</summary>
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
