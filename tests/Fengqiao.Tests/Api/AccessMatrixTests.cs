using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.Tests.Api.Dispatch;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Api;

/// <summary>
/// Who may call what, for every operation of <c>api/openapi.json</c>: the table below is the expected answer per role, written
/// by hand so that it is a second opinion on the endpoints' policies, and an operation the table does not name fails the suite.
/// Three dimensions: anonymous callers (401 unless public), each role (403 when the table refuses it, past authorization
/// otherwise), and jurisdiction (a town's allowed callers get 404 for the objects of a neighbouring town, as for a missing one).
/// </summary>
public sealed class AccessMatrixTests : DispatchTestBase
{
    private const string OtherTown = "塔山街道";

    /// <summary>What an operation's path parameters name; the jurisdiction test puts an object of another town there.</summary>
    private enum Target
    {
        None,
        Petition,
        PetitionAttachment,
        Petitioner,
        Case,
        CaseAttachment,
        User,
        Unit,
        Region,
        RoutingRule,
        Reception,
        ReceptionBatch,
        ReceptionPetitioner,
        JointMeetingSystem,
        ResponsibilityLetter,
        MustVisitPolicy,
        MustVisitIncident,
        MediationRoom,
        Mediator,
        Dispute,
        SuggestionTopic,
        Suggestion,
        SuggestionAssignment,
        DiaryEntry,
        DiaryMatter,
        WebhookSubscription,
        WebhookDelivery,
        ApiClient,
    }

    /// <param name="Roles">Roles that pass authorization; null for a public operation, empty for any signed-in caller.</param>
    /// <param name="Target">The object the path names, or <see cref="Target.None"/> when the operation has no object of a jurisdiction.</param>
    /// <param name="Body">A request body that passes validation, so that the jurisdiction test meets the object lookup.</param>
    private sealed record Rule(Role[]? Roles, Target Target = Target.None, Func<Objects, object?>? Body = null)
    {
        public bool IsPublic => Roles is null;

        public bool Allows(Role role) => Roles is { Length: 0 } || (Roles?.Contains(role) ?? true);
    }

    /// <summary>Ids the bodies refer to: objects inside the caller's (府山街道's) jurisdiction.</summary>
    private sealed record Objects(Guid OwnPetitionId, Guid OwnUnitId, Guid OwnRegionId, Guid OwnAgentId);

    private static Rule Public => new(null);

    private static Rule SignedIn(Target target = Target.None) => new([], target);

    private static Rule Only(params Role[] roles) => new(roles);

    private static Rule On(Target target, Func<Objects, object?>? body, params Role[] roles) => new(roles, target, body);

    private static readonly Role[] CaseWorkers = [Role.Handler, Role.PetitionOfficer];

    private static readonly Role[] ReceptionReaders = [Role.Leader, Role.PetitionOfficer, Role.Supervisor, Role.Analyst, Role.Admin];
    private static readonly Role[] WorkSystemWriters = [Role.Admin, Role.Leader];

    private static readonly Role[] MetricsReaders = [Role.Leader, Role.PetitionOfficer, Role.Analyst, Role.Admin];

    private static readonly Role[] MediationReaders = [Role.Mediator, Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst, Role.Admin];
    private static readonly Role[] MediationRoomKeepers = [Role.Mediator, Role.Admin];
    private static readonly Role[] DisputeReaders = [Role.Mediator, Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst];

    private static readonly Role[] WorkSystemReaders = [Role.Admin, Role.Leader, Role.PetitionOfficer, Role.Supervisor, Role.Analyst];

    private static readonly Role[] SuggestionReaders = [Role.SuggestionReviewer, Role.Leader, Role.Supervisor, Role.Analyst];
    private static readonly Role[] TopicManagers = [Role.SuggestionReviewer, Role.Leader];
    private static readonly Role[] DiaryReaders = [Role.PetitionOfficer, Role.Leader, Role.Supervisor, Role.Analyst];
    private static readonly Role[] DiaryKeepers = [Role.PetitionOfficer, Role.Leader];

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        // Organization: sign-in, the caller, regions, units, users, city-wide settings.
        ["IssueToken"] = Public,
        ["RefreshToken"] = Public,
        ["SignOut"] = Public,
        ["GetMe"] = SignedIn(),
        ["ListPublicRegions"] = Public,
        ["ListRegions"] = SignedIn(),
        ["GetRegion"] = SignedIn(Target.Region),
        ["CreateVillage"] = On(Target.Region, _ => new { code = "330602001999", name = "新风社区" }, Role.Admin),
        ["RenameVillage"] = On(Target.Region, _ => new { name = "新风社区" }, Role.Admin),
        ["RetireVillage"] = On(Target.Region, null, Role.Admin),
        ["ListUnits"] = SignedIn(),
        ["GetUnit"] = SignedIn(Target.Unit),
        ["CreateUnit"] = Only(Role.Admin),
        ["UpdateUnit"] = On(Target.Unit, o => new { name = "府山街道综治中心", kind = "functional_department", regionId = o.OwnRegionId }, Role.Admin),
        ["RetireUnit"] = On(Target.Unit, null, Role.Admin),
        ["ListUsers"] = Only(Role.Admin),
        ["ListGrantableRoles"] = Only(Role.Admin),
        ["ListAuditEntries"] = Only(Role.Admin, Role.DisciplineInspector),
        ["VerifyAuditChain"] = Only(Role.Admin, Role.DisciplineInspector),
        ["CreateUser"] = Only(Role.Admin),
        ["ListAgents"] = Only(Role.PetitionOfficer),
        ["GetUser"] = On(Target.User, null, Role.Admin),
        ["UpdateUser"] = On(Target.User, _ => new { displayName = "张三", roles = new[] { "handler" } }, Role.Admin),
        ["DisableUser"] = On(Target.User, null, Role.Admin),
        ["EnableUser"] = On(Target.User, null, Role.Admin),
        ["ResetUserPassword"] = On(Target.User, _ => new { newPassword = "Another-Pass-2026!" }, Role.Admin),
        ["ListWorkCalendarYears"] = Only(Role.Admin),
        ["GetWorkCalendarYear"] = Only(Role.Admin),
        ["SaveWorkCalendarYear"] = Only(Role.Admin),
        ["ListRuleSets"] = Only(Role.Admin),
        ["GetRuleSet"] = Only(Role.Admin),
        ["UpdateRuleSet"] = Only(Role.Admin),
        ["ActivateRuleSet"] = Only(Role.Admin),
        ["ListJointMeetingSystems"] = Only(WorkSystemReaders),
        ["GetJointMeetingSystem"] = On(Target.JointMeetingSystem, null, WorkSystemReaders),
        ["CreateJointMeetingSystem"] = Only(WorkSystemWriters),
        ["UpdateJointMeetingSystem"] = On(Target.JointMeetingSystem,
            o => new { name = "塔山街道联席会议", convenerName = "王强", convenerPost = "书记", memberUnitIds = new[] { o.OwnUnitId }, establishedOn = "2020-01-01" },
            WorkSystemWriters),
        ["RetireJointMeetingSystem"] = On(Target.JointMeetingSystem, _ => new { retiredOn = Today }, WorkSystemWriters),
        ["ListJointMeetings"] = On(Target.JointMeetingSystem, null, WorkSystemReaders),
        ["AddJointMeeting"] = On(Target.JointMeetingSystem, _ => new { heldOn = Today, matters = "研究物业纠纷", decisions = "限期整改" }, WorkSystemWriters),
        ["ListResponsibilityLetters"] = Only(WorkSystemReaders),
        ["GetResponsibilityLetter"] = On(Target.ResponsibilityLetter, null, WorkSystemReaders),
        ["SignResponsibilityLetter"] = Only(WorkSystemWriters),
        ["CorrectResponsibilityLetter"] = On(Target.ResponsibilityLetter,
            _ => new { signatories = new[] { new { name = "王强", post = "区长" } }, signedOn = Today, reason = "签字人记录有误" }, WorkSystemWriters),
        ["WithdrawResponsibilityLetter"] = On(Target.ResponsibilityLetter, _ => new { reason = "误录" }, WorkSystemWriters),
        ["AttachResponsibilityLetterFile"] = On(Target.ResponsibilityLetter, null, WorkSystemWriters),
        ["DownloadResponsibilityLetterFile"] = On(Target.ResponsibilityLetter, null, WorkSystemReaders),
        ["GetOrganizationCoverage"] = Only(WorkSystemReaders),

        // Intake: the public surface, petitions, duplicates, attachments, personal data, routing rules.
        ["ListPetitionCategories"] = Public,
        ["SubmitPublicPetition"] = Public,
        ["TrackPublicPetition"] = Public,
        ["AddPublicSupplement"] = Public,
        ["RegisterPetition"] = Only(Role.PetitionOfficer, Role.Leader, Role.Agent),
        ["ListPetitions"] = SignedIn(),
        ["ExportPetitions"] = Only(Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst),
        ["GetPetition"] = SignedIn(Target.Petition),
        ["ClassifyPetition"] = On(Target.Petition, _ => new { decision = "accept", notice = "您的信访事项已受理。" }, Role.PetitionOfficer, Role.Leader),
        ["FindDuplicateCandidates"] = Only(Role.PetitionOfficer, Role.Leader, Role.Agent),
        ["LinkPetitions"] = On(Target.Petition, o => new { otherPetitionId = o.OwnPetitionId }, Role.PetitionOfficer),
        ["MergePetition"] = On(Target.Petition, o => new { intoPetitionId = o.OwnPetitionId }, Role.PetitionOfficer),
        ["AddPetitionAttachment"] = On(Target.Petition, null, Role.PetitionOfficer, Role.Leader, Role.Agent),
        ["DownloadPetitionAttachment"] = SignedIn(Target.PetitionAttachment),
        ["RevealPetitioner"] = On(Target.Petitioner, null, Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.DisciplineInspector),
        ["CountPetitions"] = Only(Role.PetitionOfficer, Role.Leader),
        ["ListRoutingRules"] = Only(Role.Admin),
        ["CreateRoutingRule"] = Only(Role.Admin),
        ["ChangeRoutingRule"] = On(Target.RoutingRule, o => new { category = "urban_rural_construction", regionId = o.OwnRegionId, unitId = o.OwnUnitId }, Role.Admin),
        ["DeleteRoutingRule"] = On(Target.RoutingRule, null, Role.Admin),

        // Dispatch: the public case, cases and their changes, the supervision board.
        ["GetPublicCase"] = Public,
        ["DownloadPublicCaseAttachment"] = Public,
        ["RatePublicCase"] = Public,
        ["RequestPublicCaseReview"] = Public,
        ["GetSupervisionBoard"] = Only(Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.Analyst),
        ["ListCases"] = SignedIn(),
        ["CountCases"] = SignedIn(),
        ["GetCase"] = SignedIn(Target.Case),
        ["AssignCase"] = On(Target.Case, o => new { mode = "assign", leadUnitId = o.OwnUnitId, coUnitIds = Array.Empty<Guid>(), instructions = "请依法依规办理并按期答复。" }, Role.PetitionOfficer),
        ["SignCase"] = On(Target.Case, _ => new { }, CaseWorkers),
        ["ReturnCase"] = On(Target.Case, _ => new { reason = "该事项不属于本单位职责范围。" }, CaseWorkers),
        ["AddCaseNote"] = On(Target.Case, _ => new { text = "已电话联系信访人。", isPublic = false }, Role.Handler, Role.PetitionOfficer, Role.Supervisor, Role.Agent),
        ["SubmitCoUnitInput"] = On(Target.Case, _ => new { text = "协办意见：已核实现场情况。" }, CaseWorkers),
        ["RequestCaseExtension"] = On(Target.Case, _ => new { days = 10, reason = "需要组织听证。" }, CaseWorkers),
        ["DecideCaseExtension"] = On(Target.Case, _ => new { approve = true, reason = "同意延期。" }, Role.Supervisor, Role.Leader),
        ["PauseCaseClock"] = On(Target.Case, _ => new { reason = "鉴定期间。" }, CaseWorkers),
        ["ResumeCaseClock"] = On(Target.Case, _ => new { }, CaseWorkers),
        ["AddCaseAttachment"] = On(Target.Case, null, CaseWorkers),
        ["DownloadCaseAttachment"] = SignedIn(Target.CaseAttachment),
        ["ReplyCase"] = On(Target.Case, _ => new { opinion = "support", text = "经核查，已责成物业于三日内清理完毕。" }, CaseWorkers),
        ["RateCase"] = On(Target.Case, _ => new { rating = "satisfied", calledBy = "回访员" }, Role.PetitionOfficer, Role.Agent),
        ["CloseCase"] = On(Target.Case, _ => new { }, CaseWorkers),
        ["RequestCaseReview"] = On(Target.Case, _ => new { reason = "对答复意见不服，请求复查。" }, Role.PetitionOfficer, Role.Agent),
        ["TickCaseChecklistItem"] = On(Target.Case, _ => new { itemKey = "check_facts" }, CaseWorkers),
        ["AssignCaseAgent"] = On(Target.Case, o => new { agentUserId = o.OwnAgentId }, Role.PetitionOfficer),
        ["TakeChargeOfCase"] = On(Target.Case, _ => new { note = "本人包案。" }, Role.Leader),
        ["IssueSupervisionOrder"] = On(Target.Case, o => new { unitId = o.OwnUnitId, text = "请于期限内办结。", dueOn = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd") }, Role.PetitionOfficer, Role.Supervisor, Role.Leader),
        ["AnswerSupervisionOrder"] = On(Target.Case, _ => new { orderId = Guid.NewGuid(), text = "已按督办要求整改。" }, CaseWorkers),
        ["ListCaseForSupervision"] = On(Target.Case, _ => new { reason = "久拖未决，挂牌督办。" }, Role.Supervisor, Role.Leader),

        // Receptions: the public reception days, the calendar, receptions and their batches, the figures.
        ["ListPublicReceptionDays"] = Public,
        ["ScheduleReception"] = Only(Role.Leader, Role.PetitionOfficer, Role.Admin),
        ["ListReceptions"] = Only(ReceptionReaders),
        ["GetReceptionFigures"] = Only(ReceptionReaders),
        ["GetReception"] = On(Target.Reception, null, ReceptionReaders),
        ["UpdateReception"] = On(Target.Reception, o => new
        {
            regionId = o.OwnRegionId, day = DateTime.UtcNow.ToString("yyyy-MM-dd"), startsAt = "09:00", endsAt = "11:00", place = "接待室", isPublished = false,
        }, Role.Leader, Role.PetitionOfficer, Role.Admin),
        ["CancelReception"] = On(Target.Reception, _ => new { reason = "改期。" }, Role.Leader, Role.PetitionOfficer, Role.Admin),
        ["HoldReception"] = On(Target.Reception, null, Role.Leader, Role.PetitionOfficer),
        ["RecordReceptionBatch"] = On(Target.Reception, _ => new { persons = 1, petitioners = Array.Empty<object>(), matter = "咨询政策。", outcome = "explained" },
            Role.Leader, Role.PetitionOfficer),
        ["CorrectReceptionBatch"] = On(Target.ReceptionBatch, _ => new { persons = 2, outcome = "explained", reason = "更正人数。" },
            Role.Leader, Role.PetitionOfficer, Role.Admin),
        ["TakeChargeOfReceptionBatchCase"] = On(Target.ReceptionBatch, _ => new { note = "本人包案。" }, Role.Leader),
        ["RevealReceptionPetitioner"] = On(Target.ReceptionPetitioner, null, Role.PetitionOfficer, Role.Supervisor, Role.Leader, Role.DisciplineInspector),

        // Four must-visits: the month's proposals, visits planned from them, the bureau's registers of policies and incidents.
        ["GetMustVisitProposals"] = Only(ReceptionReaders),
        ["PlanMustVisit"] = Only(Role.Leader, Role.Admin),
        ["RegisterMustVisitPolicy"] = Only(Role.PetitionOfficer, Role.Admin),
        ["ListMustVisitPolicies"] = Only(ReceptionReaders),
        ["UpdateMustVisitPolicy"] = On(Target.MustVisitPolicy, o => new
        {
            title = "征收补偿方案", regionId = o.OwnRegionId, effectiveFrom = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        }, Role.PetitionOfficer, Role.Admin),
        ["DeleteMustVisitPolicy"] = On(Target.MustVisitPolicy, null, Role.PetitionOfficer, Role.Admin),
        ["RegisterMustVisitIncident"] = Only(Role.PetitionOfficer, Role.Admin),
        ["ListMustVisitIncidents"] = Only(ReceptionReaders),
        ["UpdateMustVisitIncident"] = On(Target.MustVisitIncident, o => new
        {
            regionId = o.OwnRegionId, day = Receptions.ReceptionTestBase.Today, description = "暴雨。",
        }, Role.PetitionOfficer, Role.Admin),
        ["DeleteMustVisitIncident"] = On(Target.MustVisitIncident, null, Role.PetitionOfficer, Role.Admin),

        // Mediation: the dispute types, rooms and committees, their mediators.
        ["ListDisputeTypes"] = Only(MediationReaders),
        ["ListMediationRooms"] = Only(MediationReaders),
        ["GetMediationRoom"] = On(Target.MediationRoom, null, MediationReaders),
        ["CreateMediationRoom"] = Only(MediationRoomKeepers),
        ["UpdateMediationRoom"] = On(Target.MediationRoom, o => new
        {
            name = "和事佬调解室", kind = "brand_room", regionId = o.OwnRegionId, address = "府山街道 1 号", openingHours = "周一至周五", specialties = new[] { "neighbourhood" },
        }, MediationRoomKeepers),
        ["AddMediator"] = On(Target.MediationRoom, o => new { name = "王阿姨", specialty = "neighbourhood", regionId = o.OwnRegionId }, MediationRoomKeepers),
        ["UpdateMediator"] = On(Target.Mediator, o => new { name = "王阿姨", specialty = "neighbourhood", regionId = o.OwnRegionId }, MediationRoomKeepers),
        ["RetireMediator"] = On(Target.Mediator, null, MediationRoomKeepers),
        ["ListRoomSessions"] = On(Target.MediationRoom, null, DisputeReaders),
        ["ListMediatorSessions"] = On(Target.Mediator, null, DisputeReaders),
        ["ListDisputes"] = Only(DisputeReaders),
        ["CountMediationWork"] = Only(Role.Mediator),
        ["GetDispute"] = On(Target.Dispute, null, DisputeReaders),
        ["RegisterDispute"] = Only(Role.Mediator),
        ["RecordDisputeConsent"] = On(Target.Dispute, _ => new { side = "applicant", consents = true }, Role.Mediator),
        ["WithdrawDispute"] = On(Target.Dispute, _ => new { reason = "双方已自行和解。" }, Role.Mediator),
        ["AssignDispute"] = On(Target.Dispute, _ => new { roomId = Guid.NewGuid(), leadMediatorId = Guid.NewGuid(), assistingMediatorIds = (Guid[]?)null }, Role.Mediator),
        ["AddDisputeRepresentative"] = On(Target.Dispute, _ => new { side = "applicant", name = "王律师", role = "lawyer", phone = "13800138000" }, Role.Mediator),
        ["RemoveDisputeRepresentative"] = On(Target.Dispute, null, Role.Mediator),

        // Suggestions: the public topics, and the topics staff draft, publish, close and conclude.
        ["ListPublicSuggestionTopics"] = Public,
        ["GetPublicSuggestionTopic"] = Public,
        ["CreateSuggestionTopic"] = Only(TopicManagers),
        ["ListSuggestionTopics"] = Only(SuggestionReaders),
        ["GetSuggestionTopic"] = On(Target.SuggestionTopic, null, SuggestionReaders),
        ["UpdateSuggestionTopic"] = On(Target.SuggestionTopic, o => new
        {
            title = "老旧小区改造方案征求意见", description = "公开征求居民意见。", regionId = o.OwnRegionId, unitId = o.OwnUnitId, opensOn = Today, closesOn = Today,
        }, TopicManagers),
        ["PublishSuggestionTopic"] = On(Target.SuggestionTopic, null, TopicManagers),
        ["CloseSuggestionTopic"] = On(Target.SuggestionTopic, null, TopicManagers),
        ["ConcludeSuggestionTopic"] = On(Target.SuggestionTopic, _ => new { summary = "采纳建议六条。" }, TopicManagers),
        ["ScheduleMediationSession"] = On(Target.Dispute, _ => new
        {
            startsAt = new DateTimeOffset(2030, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)), endsAt = new DateTimeOffset(2030, 3, 4, 10, 0, 0, TimeSpan.FromHours(8)),
        }, Role.Mediator),
        ["HoldMediationSession"] = On(Target.Dispute, _ => new { applicantAttended = true, respondentAttended = true, record = "双方到场陈述。" }, Role.Mediator),
        ["RescheduleMediationSession"] = On(Target.Dispute, _ => new
        {
            startsAt = new DateTimeOffset(2030, 3, 5, 9, 0, 0, TimeSpan.FromHours(8)), endsAt = new DateTimeOffset(2030, 3, 5, 10, 0, 0, TimeSpan.FromHours(8)), reason = "当事人请假。",
        }, Role.Mediator),
        ["CancelMediationSession"] = On(Target.Dispute, _ => new { reason = "当事人请假。" }, Role.Mediator),
        ["RecordMediationAgreement"] = On(Target.Dispute, _ => new
        {
            terms = "被申请人赔偿 2,000 元。", amountAgreed = 2000m, form = "oral", applicantSigned = false, respondentSigned = false, effectiveOn = "2026-01-05", performanceDeadline = "2026-02-05",
        }, Role.Mediator),
        ["ApplyForJudicialConfirmation"] = On(Target.Dispute, _ => new { appliedOn = "2026-01-05", court = "越城区人民法院" }, Role.Mediator),
        ["RecordJudicialConfirmationRuling"] = On(Target.Dispute, _ => new { ruling = "confirmed", decidedOn = "2026-01-05", note = (string?)null }, Role.Mediator),
        ["RecordMediationFailure"] = On(Target.Dispute, _ => new { reason = "分歧过大。", guidance = "可向人民法院起诉。" }, Role.Mediator),
        ["ApplyForMediationOnline"] = Public,
        ["TrackMediationApplication"] = Public,
        ["WithdrawMediationApplication"] = Public,
        ["ListPublicDisputeTypes"] = Public,
        ["PauseMediationClock"] = On(Target.Dispute, _ => new { reason = "医疗损害鉴定" }, Role.Mediator),
        ["ResumeMediationClock"] = On(Target.Dispute, _ => new { note = (string?)null }, Role.Mediator),
        ["ExtendMediationClock"] = On(Target.Dispute, _ => new { days = 10, applicantAgrees = true, respondentAgrees = true, reason = "双方同意延长" }, Role.Mediator),
        ["RecordMediationFollowUp"] = On(Target.Dispute, _ => new { visitedOn = "2026-01-05", performance = "performed", note = "已履行。" }, Role.Mediator),
        ["SubmitPublicSuggestion"] = Public,
        ["TrackPublicSuggestion"] = Public,
        ["RegisterSuggestion"] = Only(Role.SuggestionReviewer),
        ["ListSuggestions"] = Only(SuggestionReaders),
        ["CountSuggestions"] = Only(Role.SuggestionReviewer),
        ["GetSuggestion"] = On(Target.Suggestion, null, SuggestionReaders),
        ["ScreenSuggestion"] = On(Target.Suggestion, _ => new { outcome = "valid" }, Role.SuggestionReviewer),
        ["RevealSuggestionSubmitter"] = On(Target.Suggestion, null, Role.SuggestionReviewer),

        // Metrics: the indicators and their definitions.
        ["GetIndicators"] = Only(MetricsReaders),
        ["GetIndicatorDefinitions"] = Only(MetricsReaders),
        ["GetFiveColourChart"] = Only(MetricsReaders),
        ["GetMetricsDashboard"] = Only(MetricsReaders),
        ["GetFiveColourRankings"] = Only(MetricsReaders),
        ["ExportFiveColourRanking"] = Only(MetricsReaders),
        ["StartExportJob"] = On(Target.None, _ => new { kind = "indicators", format = "csv", parameters = new { from = "2026-01-01", to = "2026-01-31" } }, MetricsReaders),
        ["GetExportJob"] = Only(MetricsReaders),
        ["DownloadExportJob"] = Only(MetricsReaders),
        ["GetAnnualReport"] = Only(MetricsReaders),
        ["ExportAnnualReport"] = Only(MetricsReaders),
        ["AssignSuggestion"] = On(Target.Suggestion, o => new { unitIds = new[] { o.OwnUnitId } }, Role.SuggestionReviewer),
        ["BulkAssignSuggestions"] = Only(Role.SuggestionReviewer),
        ["ListUnitSuggestionAssignments"] = Only(Role.Handler),
        ["CountUnitSuggestionAssignments"] = Only(Role.Handler),
        ["GetUnitSuggestionAssignment"] = On(Target.SuggestionAssignment, null, Role.Handler),
        ["AnswerUnitSuggestionAssignment"] = On(Target.SuggestionAssignment, _ => new { outcome = "adopted", reply = "予以采纳。" }, Role.Handler),

        // Webhooks: subscriptions of units within an administrator's jurisdiction, their delivery logs.
        ["ListWebhookEventTypes"] = Only(Role.Admin),
        ["ListWebhookSubscriptions"] = Only(Role.Admin),
        ["CreateWebhookSubscription"] = Only(Role.Admin),
        ["GetWebhookSubscription"] = On(Target.WebhookSubscription, null, Role.Admin),
        ["UpdateWebhookSubscription"] = On(Target.WebhookSubscription, _ => new { url = ForeignWebhookUrl, eventTypes = new[] { "case.closed" }, isActive = true }, Role.Admin),
        ["DeleteWebhookSubscription"] = On(Target.WebhookSubscription, null, Role.Admin),
        ["PingWebhookSubscription"] = On(Target.WebhookSubscription, null, Role.Admin),
        ["RotateWebhookSecret"] = On(Target.WebhookSubscription, _ => new { overlapHours = 0 }, Role.Admin),
        ["ListWebhookDeliveries"] = On(Target.WebhookSubscription, null, Role.Admin),
        ["GetWebhookDelivery"] = On(Target.WebhookDelivery, null, Role.Admin),
        ["RedeliverWebhookDelivery"] = On(Target.WebhookDelivery, null, Role.Admin),
        // Integrations: API clients (administrators) and the 12345 hotline's work orders.
        ["ListApiClients"] = Only(Role.Admin),
        ["GetApiClient"] = On(Target.ApiClient, null, Role.Admin),
        ["CreateApiClient"] = Only(Role.Admin),
        ["RotateApiClientSecret"] = On(Target.ApiClient, _ => new { overlapHours = 0 }, Role.Admin),
        ["RevokeApiClient"] = On(Target.ApiClient, null, Role.Admin),
        ["RegisterHotlineWorkOrder"] = Only(Role.PetitionOfficer, Role.Leader, Role.Agent),

        // Open311: public by the specification; a new request's api_key is checked by the facade itself (Open311Tests).
        ["ListOpen311Services"] = Public,
        ["GetOpen311ServiceDefinition"] = Public,
        ["SubmitOpen311Request"] = Public,
        ["GetOpen311Request"] = Public,
        ["ListOpen311Requests"] = Public,
        ["GetOpen311Token"] = Public,
        ["AnswerSuggestion"] = On(Target.Suggestion, o => new { unitId = o.OwnUnitId, outcome = "adopted", reply = "予以采纳。" }, Role.SuggestionReviewer),
        ["RatePublicSuggestion"] = Public,
        ["ImplementSuggestion"] = On(Target.Suggestion, _ => new { outcome = "已落实。" }, Role.SuggestionReviewer),
        ["AwardSuggestion"] = On(Target.Suggestion, _ => new { citation = "优秀建议。" }, Role.SuggestionReviewer),
        ["ListPublicAdoptedSuggestions"] = Public,

        // The people's-sentiment diary: the town's cadres keep it, overseers read it.
        ["LogDiaryEntry"] = Only(DiaryKeepers),
        ["ListDiaryEntries"] = Only(DiaryReaders),
        ["GetDiaryEntry"] = On(Target.DiaryEntry, null, DiaryReaders),
        ["AddDiaryEntryPhoto"] = On(Target.DiaryEntry, null, DiaryKeepers),
        ["DownloadDiaryEntryPhoto"] = On(Target.DiaryEntry, null, DiaryReaders),
        ["ListDiaryMatterProposals"] = Only(DiaryReaders),
        ["GroupDiaryEntries"] = Only(DiaryKeepers),
        ["ListDiaryMatters"] = Only(DiaryReaders),
        ["GetDiaryMatter"] = On(Target.DiaryMatter, null, DiaryReaders),
        ["ConvertDiaryEntryToPetition"] = On(Target.DiaryEntry, _ => new { request = "请求修缮道路。" }, DiaryKeepers),
        ["ConvertDiaryEntryToSuggestion"] = On(Target.DiaryEntry, _ => new { title = "增设路灯" }, DiaryKeepers),
        ["ConvertDiaryMatterToPetition"] = On(Target.DiaryMatter, _ => new { request = "请求修缮道路。" }, DiaryKeepers),
        ["ConvertDiaryMatterToSuggestion"] = On(Target.DiaryMatter, _ => new { title = "增设路灯" }, DiaryKeepers),
    };

    /// <summary>A public address (TEST-NET-3) the SSRF check lets through; this host sends no webhooks, so nothing goes there.</summary>
    private const string ForeignWebhookUrl = "https://203.0.113.7/hooks";

    private static IEnumerable<TestCaseData> Operations() => OpenApiOperations.All.Select(o => new TestCaseData(o).SetArgDisplayNames(o.OperationId));

    private static IEnumerable<TestCaseData> OperationsOnObjects() => OpenApiOperations.All
        .Where(o => Rules.TryGetValue(o.OperationId, out var rule) && rule.Target != Target.None)
        .Select(o => new TestCaseData(o).SetArgDisplayNames(o.OperationId));

    private Dictionary<Target, Dictionary<string, string>>? _foreign;
    private Objects? _own;

    [Test]
    public void EveryOperationOfTheDocument_HasARule_AndEveryRuleAnOperation()
    {
        var operations = OpenApiOperations.All.Select(o => o.OperationId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(operations.Except(Rules.Keys), Is.Empty, "operations without an access rule in this matrix");
            Assert.That(Rules.Keys.Except(operations), Is.Empty, "rules for operations the document does not have");
        });
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Anonymous_Gets401_UnlessTheOperationIsPublic(OpenApiOperation operation)
    {
        var rule = RuleOf(operation);
        using var anonymous = Api.CreateClient();
        var status = (await SendAsync(anonymous, operation, PlaceholderPath(operation), body: new { })).StatusCode;

        if (rule.IsPublic)
        {
            Assert.That(status, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden));
        }
        else
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    [TestCaseSource(nameof(Operations))]
    public async Task EachRole_IsRefusedOrLetThrough_AsTheTableSays(OpenApiOperation operation)
    {
        var rule = RuleOf(operation);
        var answers = new List<string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            // City users: their jurisdiction is the whole tree, so a 403 here comes from the role alone.
            using var client = await Api.ClientForAsync($"city.{RoleNames.Of(role)}");
            var status = (await SendAsync(client, operation, PlaceholderPath(operation), body: new { })).StatusCode;
            var refused = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
            if (refused == rule.Allows(role))
            {
                answers.Add($"{RoleNames.Of(role)}: {(int)status}, expected {(rule.Allows(role) ? "past authorization" : "403")}");
            }
        }

        Assert.That(answers, Is.Empty);
    }

    [TestCaseSource(nameof(OperationsOnObjects))]
    public async Task AllowedRolesOfATown_Get404_ForTheObjectsOfAnotherTown(OpenApiOperation operation)
    {
        var rule = RuleOf(operation);
        var (foreign, own) = await ObjectsAsync();
        var path = operation.Path;
        foreach (var (parameter, value) in foreign[rule.Target])
        {
            path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        Assert.That(path, Does.Not.Contain("{"), "every path parameter names the other town's object");
        if (operation.Method == "GET")
        {
            // The same path answers someone whose jurisdiction holds the object, so the 404s below come from the lookup.
            using var viewer = await Api.ClientForAsync(ViewerOf(rule.Target));
            Assert.That((await viewer.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{operation.Method} {path} as {ViewerOf(rule.Target)}");
        }

        var answers = new List<string>();
        var roles = rule.Roles is { Length: > 0 } listed ? listed : Enum.GetValues<Role>();
        foreach (var role in roles)
        {
            using var client = await Api.ClientForAsync($"town.{RoleNames.Of(role)}");
            var response = await SendAsync(client, operation, path, rule.Body?.Invoke(own) ?? new { });
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                answers.Add($"{RoleNames.Of(role)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.That(answers, Is.Empty, $"{operation.Method} {path}");
    }

    private static string ViewerOf(Target target) => target switch
    {
        Target.User or Target.Unit or Target.Region => "city.admin",
        Target.MediationRoom or Target.Mediator or Target.Dispute => "district.mediator",
        Target.SuggestionTopic or Target.Suggestion => "district.suggestion_reviewer",
        Target.SuggestionAssignment => "district.handler",
        Target.WebhookSubscription or Target.WebhookDelivery => "district.admin",
        Target.ApiClient => "district.admin",
        _ => "district.petition_officer",
    };

    private static Rule RuleOf(OpenApiOperation operation) =>
        Rules.TryGetValue(operation.OperationId, out var rule) ? rule : throw new AssertionException($"{operation.OperationId} has no access rule in this matrix.");

    /// <summary>Every path parameter filled with a value of the right form that names nothing.</summary>
    private static string PlaceholderPath(OpenApiOperation operation) => operation.FillPath(parameter => parameter switch
    {
        "year" => "2026",
        "name" => "national",
        "trackingCode" => "XF00000000",
        _ => Guid.NewGuid().ToString(),
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, OpenApiOperation operation, string path, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (operation.Method is "POST" or "PUT")
        {
            request.Content = operation.TakesFile ? FileContent() : JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }

    private static MultipartFormDataContent PhotoContent()
    {
        var file = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", "走访.png" } };
    }

    private static MultipartFormDataContent FileContent()
    {
        var file = new ByteArrayContent(FileUploads.Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", "材料.pdf" } };
    }

    /// <summary>
    /// Objects of 塔山街道, a neighbour of the demo town 府山街道 in the same district: a petition with an attachment and a case
    /// with one, a user of the district (above the town), a unit of the district, the town's region and a routing rule of it,
    /// its joint-meeting system and the district's responsibility letter to it, with the signed file, and a major policy and an
    /// incident registered for it.
    /// </summary>
    private async Task<(Dictionary<Target, Dictionary<string, string>> Foreign, Objects Own)> ObjectsAsync()
    {
        if (_foreign is not null && _own is not null)
        {
            return (_foreign, _own);
        }

        var otherTown = Region(OtherTown);
        using var officer = await Api.ClientForAsync("district.petition_officer");
        var (caseId, petitionId) = await OpenCaseAsync(regionId: otherTown);
        var petition = await (await officer.GetAsync($"/api/v1/petitions/{petitionId}")).ShouldBeOkAsync<JsonObject>();
        var petitionerId = petition["petitioners"]![0]!["id"]!.GetValue<string>();
        var petitionAttachment = await FileUploads.UploadAsync(officer, $"/api/v1/petitions/{petitionId}/attachments", "材料.pdf", FileUploads.Pdf);
        await AssignAsync(caseId, DistrictHousing);
        using var districtHandler = await Api.ClientForAsync("district.handler");
        await (await ChangeAsync(districtHandler, caseId, "signature", new { })).ShouldBeOkAsync<JsonObject>();
        var caseAttachment = await FileUploads.UploadAsync(districtHandler, $"/api/v1/cases/{caseId}/attachments", "答复.pdf", FileUploads.Pdf);

        using var admin = await Api.ClientForAsync("city.admin");
        var districtUnit = await UnitAsync("越城区信访局");
        var districtUser = await UserIdAsync(admin, "district.handler");
        var rule = await (await admin.PostAsJsonAsync("/api/v1/routing-rules",
            new { category = "urban_rural_construction", regionId = otherTown, unitId = districtUnit })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        using var districtLeader = await Api.ClientForAsync("district.leader");
        var reception = await (await districtLeader.PostAsJsonAsync("/api/v1/receptions", new
        {
            kind = "leader_day", regionId = otherTown, day = Receptions.ReceptionTestBase.Today, startsAt = "00:00", endsAt = "23:59", place = "塔山街道接待室", isPublished = false,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var receptionId = reception["id"]!.GetValue<string>();
        await (await SendWithIfMatch(districtLeader, HttpMethod.Post, $"/api/v1/receptions/{receptionId}/holding", null, 1)).ShouldBeOkAsync<JsonObject>();
        var batch = await (await officer.PostAsJsonAsync($"/api/v1/receptions/{receptionId}/batches", new
        {
            persons = 1, petitioners = new[] { new { name = Data.Name(), idNumber = Data.NewIdNumber(), phone = Data.MobilePhone() } }, matter = "反映噪音扰民。", outcome = "explained",
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var receptionDetail = await (await officer.GetAsync($"/api/v1/receptions/{receptionId}")).ShouldBeOkAsync<JsonObject>();
        var batchPetitioner = receptionDetail["batches"]![0]!["petitioners"]![0]!["id"]!.GetValue<string>();
        var policy = await (await officer.PostAsJsonAsync("/api/v1/receptions/policies",
            new { title = "塔山街道征收补偿方案", regionId = otherTown, effectiveFrom = Receptions.ReceptionTestBase.Today })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var incident = await (await officer.PostAsJsonAsync("/api/v1/receptions/incidents",
            new { regionId = otherTown, day = Receptions.ReceptionTestBase.Today, description = "塔山街道暴雨积水。" })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var system = await JointMeetingTests.ActiveSystemOfAsync(districtLeader, otherTown);
        var letters = await (await districtLeader.GetAsync($"/api/v1/responsibility-letters?regionId={otherTown}&receivingLevel=town")).ShouldBeOkAsync<JsonObject>();
        var letterId = letters["items"]![0]!["id"]!.GetValue<string>();
        var attach = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/responsibility-letters/{letterId}/file") { Content = FileContent() };
        attach.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await districtLeader.SendAsync(attach)).ShouldBeOkAsync<JsonObject>();

        using var districtMediator = await Api.ClientForAsync("district.mediator");
        var room = await (await districtMediator.PostAsJsonAsync("/api/v1/mediation/rooms", new
        {
            name = "塔山和事佬调解室", kind = "brand_room", regionId = otherTown, address = "塔山街道 8 号", openingHours = "周一至周五", specialties = new[] { "neighbourhood" },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var roomId = room["id"]!.GetValue<string>();
        var mediator = await (await districtMediator.PostAsJsonAsync($"/api/v1/mediation/rooms/{roomId}/mediators", new { name = "赵大姐", specialty = "neighbourhood", regionId = otherTown }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var dispute = await (await districtMediator.PostAsJsonAsync("/api/v1/mediation/disputes", new
        {
            disputeType = "neighbourhood", summary = "邻里噪音纠纷。", claims = "请求停止侵害。", regionId = otherTown, source = "walk_in", roomId, leadMediatorId = mediator["id"]!.GetValue<string>(),
            parties = new object[] { new { side = "applicant", kind = "person", name = "张三" }, new { side = "respondent", kind = "person", name = "李四" } },
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        using var districtReviewer = await Api.ClientForAsync("district.suggestion_reviewer");
        var topic = await (await districtReviewer.PostAsJsonAsync("/api/v1/suggestion-topics", new
        {
            title = "塔山街道停车设施建议征集", description = "征集选址建议。", regionId = otherTown, unitId = districtUnit, opensOn = Today, closesOn = Today,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        var diaryEntries = new List<string>();
        foreach (var household in new[] { "孙某", "钱某", "李某" })
        {
            var logged = await (await officer.PostAsJsonAsync("/api/v1/diary/entries", new
            {
                kind = "visit", household, visitedOn = Today, matter = "塔山街道路灯损坏，夜间出行不便。", category = "urban_rural_construction", regionId = otherTown,
            })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
            diaryEntries.Add(logged["id"]!.GetValue<string>());
        }

        var photo = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/diary/entries/{diaryEntries[0]}/photo") { Content = PhotoContent() };
        photo.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await officer.SendAsync(photo)).ShouldBeOkAsync<JsonObject>();
        var diaryMatter = await (await officer.PostAsJsonAsync("/api/v1/diary/matters", new { title = "路灯损坏", entryIds = diaryEntries.Skip(1) }))
            .ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        using var districtAdmin = await Api.ClientForAsync("district.admin");
        var apiClient = await (await districtAdmin.PostAsJsonAsync("/api/v1/integrations/clients", new
        {
            name = "区住建局系统", unitId = districtUnit, scopes = new[] { "cases:read" }, rateLimitPerMinute = 60,
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);

        using var anonymous = Api.CreateClient();
        var tracking = await (await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new
        {
            regionId = otherTown, title = "建议增设公共充电桩", content = "小区停车场可增设充电桩。", phone = Data.MobilePhone(),
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var suggestions = await (await districtReviewer.GetAsync($"/api/v1/suggestions?regionId={otherTown}&limit=100")).ShouldBeOkAsync<JsonObject>();
        var suggestionId = suggestions["items"]!.AsArray()
            .Single(s => s!["trackingCode"]!.GetValue<string>() == tracking["trackingCode"]!.GetValue<string>())!["id"]!.GetValue<string>();
        // A suggestion of the other town assigned to the district's housing bureau, whose handler reads it; the town's handlers may not.
        var assigned = await (await anonymous.PostAsJsonAsync("/api/v1/public/suggestions", new
        {
            regionId = otherTown, title = "建议改造塔山街道老旧小区", content = "老旧小区管网老化，建议纳入改造计划。",
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var assignedId = (await (await districtReviewer.GetAsync($"/api/v1/suggestions?regionId={otherTown}&limit=100")).ShouldBeOkAsync<JsonObject>())["items"]!.AsArray()
            .Single(s => s!["trackingCode"]!.GetValue<string>() == assigned["trackingCode"]!.GetValue<string>())!["id"]!.GetValue<string>();
        await (await SendWithIfMatch(districtReviewer, HttpMethod.Post, $"/api/v1/suggestions/{assignedId}/screening", new { outcome = "valid" }, 1)).ShouldBeOkAsync<JsonObject>();
        await (await SendWithIfMatch(districtReviewer, HttpMethod.Post, $"/api/v1/suggestions/{assignedId}/assignment",
            new { unitIds = new[] { await UnitAsync(DistrictHousing) } }, 2)).ShouldBeOkAsync<JsonObject>();

        var webhook = await (await districtAdmin.PostAsJsonAsync("/api/v1/integrations/webhooks", new
        {
            url = ForeignWebhookUrl, eventTypes = new[] { "case.closed" }, ownerUnitId = await UnitAsync("塔山街道人民调解委员会"),
        })).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Created);
        var webhookId = webhook["id"]!.GetValue<string>();
        var ping = await (await districtAdmin.PostAsync($"/api/v1/integrations/webhooks/{webhookId}/ping", null)).ShouldBeOkAsync<JsonObject>(HttpStatusCode.Accepted);

        using var townOfficer = await Api.ClientForAsync("town.petition_officer");
        var ownPetition = await IntakeData.RegisterAsync(townOfficer, Data.Registration(await FushanVillageAsync()));

        _foreign = new()
        {
            [Target.Petition] = new() { ["id"] = petitionId.ToString() },
            [Target.PetitionAttachment] = new() { ["id"] = petitionId.ToString(), ["attachmentId"] = petitionAttachment["id"]!.GetValue<string>() },
            [Target.Petitioner] = new() { ["id"] = petitionId.ToString(), ["petitionerId"] = petitionerId },
            [Target.Case] = new() { ["id"] = caseId.ToString() },
            [Target.CaseAttachment] = new() { ["id"] = caseId.ToString(), ["attachmentId"] = caseAttachment["id"]!.GetValue<string>() },
            [Target.User] = new() { ["id"] = districtUser.ToString() },
            [Target.Unit] = new() { ["id"] = districtUnit.ToString() },
            [Target.Region] = new() { ["id"] = otherTown.ToString() },
            [Target.RoutingRule] = new() { ["id"] = rule["id"]!.GetValue<string>() },
            [Target.Reception] = new() { ["id"] = receptionId },
            [Target.ReceptionBatch] = new() { ["id"] = receptionId, ["batchId"] = batch["id"]!.GetValue<string>() },
            [Target.ReceptionPetitioner] = new() { ["id"] = receptionId, ["batchId"] = batch["id"]!.GetValue<string>(), ["petitionerId"] = batchPetitioner },
            [Target.JointMeetingSystem] = new() { ["id"] = system["id"]!.GetValue<string>() },
            [Target.ResponsibilityLetter] = new() { ["id"] = letterId },
            [Target.MustVisitPolicy] = new() { ["id"] = policy["id"]!.GetValue<string>() },
            [Target.MustVisitIncident] = new() { ["id"] = incident["id"]!.GetValue<string>() },
            [Target.MediationRoom] = new() { ["id"] = roomId },
            [Target.Mediator] = new() { ["id"] = roomId, ["mediatorId"] = mediator["id"]!.GetValue<string>() },
            // The dispute is out of the caller's jurisdiction, so its lookup answers 404 before any session of it is looked for.
            [Target.Dispute] = new() { ["id"] = dispute["id"]!.GetValue<string>(), ["sessionId"] = Guid.NewGuid().ToString(), ["representativeId"] = Guid.NewGuid().ToString() },
            [Target.SuggestionTopic] = new() { ["id"] = topic["id"]!.GetValue<string>() },
            [Target.Suggestion] = new() { ["id"] = suggestionId },
            [Target.SuggestionAssignment] = new() { ["suggestionId"] = assignedId },
            [Target.DiaryEntry] = new() { ["id"] = diaryEntries[0] },
            [Target.DiaryMatter] = new() { ["id"] = diaryMatter["id"]!.GetValue<string>() },
            [Target.WebhookSubscription] = new() { ["id"] = webhookId },
            [Target.WebhookDelivery] = new() { ["id"] = webhookId, ["deliveryId"] = ping["deliveryId"]!.GetValue<string>() },
            [Target.ApiClient] = new() { ["id"] = apiClient["id"]!.GetValue<string>() },
        };
        _own = new Objects(
            Guid.Parse(ownPetition["id"]!.GetValue<string>()),
            await UnitAsync(TownGovernment),
            Region("府山街道"),
            await UserIdAsync(admin, "town.agent"));
        return (_foreign, _own);
    }

    private static async Task<Guid> UserIdAsync(HttpClient admin, string userName)
    {
        var users = await (await admin.GetAsync($"/api/v1/users?search={userName}&limit=100")).ShouldBeOkAsync<JsonObject>();
        return Guid.Parse(users["items"]!.AsArray().Single(u => u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>());
    }
}
