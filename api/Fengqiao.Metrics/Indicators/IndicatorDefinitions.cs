using System.Collections.Frozen;

namespace Fengqiao.Metrics.Indicators;

/// <summary>A text in the two languages the app speaks.</summary>
internal sealed record LocalizedText(string ZhCn, string En);

/// <summary>How a figure reads: a rate (numerator over denominator) or a count (numerator alone).</summary>
internal enum IndicatorKind
{
    Rate,
    Count,
}

/// <summary>One indicator: its key (which every figure carries), its name and what it counts, shown as help in the SPA.</summary>
internal sealed record IndicatorDefinition(string Key, IndicatorKind Kind, LocalizedText Name, LocalizedText Definition);

/// <summary>The one place the indicators are defined (DOMAIN §9): the texts the SPA shows and the arithmetic the figures use.</summary>
internal static class IndicatorDefinitions
{
    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("registered", IndicatorKind.Count,
            new("登记信访件数", "Petitions registered"),
            new("期间内收到并登记的信访件数（按收件日），含其后作为重复件并入他件的信访件。",
                "Petitions received and registered in the period, by the day of receipt; a duplicate later merged into another petition counts too.")),
        new("registered_persons", IndicatorKind.Count,
            new("登记信访人次", "Persons registered"),
            new("期间内登记的信访件所登记的人数合计（按收件日）：一件为一批次，按其人数计人次（多人同访计多人次）；含其后并入他件的重复件。",
                "Persons registered with the petitions registered in the period, by the day of receipt: each petition is one batch and counts its number of persons (a group visit several); a duplicate later merged into another petition counts too.")),
        new("repeat_rate", IndicatorKind.Rate,
            new("重复信访率", "Repeat rate"),
            new("登记时标记为重复信访的件数 ÷ 登记件数。", "Petitions flagged as repeat petitions when registered ÷ petitions registered.")),
        new("skip_level_rate", IndicatorKind.Rate,
            new("越级信访率", "Skip-level rate"),
            new("登记时标记为越级信访的件数 ÷ 登记件数。", "Petitions flagged as skip-level when registered ÷ petitions registered.")),
        new("on_time_acceptance_rate", IndicatorKind.Rate,
            new("按期受理率", "On-time acceptance rate"),
            new("自收件之日起 15 日内决定受理的件数 ÷ 受理件数（《信访工作条例》第二十二条），按受理日计。",
                "Petitions accepted within 15 days of receipt ÷ petitions accepted (Art 22), by the day of acceptance.")),
        new("on_time_conclusion_rate", IndicatorKind.Rate,
            new("按期办结率", "On-time conclusion rate"),
            new("在办理期限（含延期）内出具处理意见的办理件数 ÷ 办结件数，按答复日计。",
                "Handling cases replied to within their deadline (extensions included) ÷ cases concluded by a reply, by the day of reply.")),
        new("satisfaction_rate", IndicatorKind.Rate,
            new("满意率", "Satisfaction rate"),
            new("（满意 + 基本满意）÷ 参评件数，按评价日计。", "(Satisfied + basically satisfied) ÷ cases rated, by the day of rating.")),
        new("participation_rate", IndicatorKind.Rate,
            new("参评率", "Participation rate"),
            new("参评件数 ÷ 办结件数。", "Cases rated ÷ cases concluded by a reply.")),
        new("resolution_rate", IndicatorKind.Rate,
            new("化解率", "Resolution rate"),
            new("已化解件数 ÷ 已结案件数，按结案日计；结案且未申请复查的视为化解（无论评价），申请复查的不计入化解。",
                "Cases resolved ÷ cases closed, by the day of closing; a closed case counts as resolved unless a review (复查) was requested, whatever its rating.")),
        new("first_time_resolution_rate", IndicatorKind.Rate,
            new("初信初访一次性化解率", "First-time one-time resolution rate"),
            new("初信初访件中已化解件数 ÷ 初信初访件中已结案件数。", "First petitions resolved ÷ first petitions closed, as the resolution rate counts them.")),
        new("backlog", IndicatorKind.Count,
            new("积案", "Backlog"),
            new("期末超过答复期限仍未答复的办理件数。", "Handling cases past their reply deadline and not yet replied to at the end of the period.")),
        new("cases_forwarded", IndicatorKind.Count,
            new("转送件数", "Cases forwarded"),
            new("首次转送（转送有权处理的单位办理）的办理件数，按转送日计；退回后重新转送的不重复计。",
                "Handling cases first forwarded (转送) to a unit with the power to handle them, by the day forwarded; one forwarded again after a return counts once.")),
        new("cases_assigned", IndicatorKind.Count,
            new("交办件数", "Cases assigned"),
            new("首次交办（要求报送办理结果）的办理件数，按交办日计；退回后重新交办的不重复计。",
                "Handling cases first assigned (交办, a report of the result required), by the day assigned; one assigned again after a return counts once.")),
        new("supervision_orders", IndicatorKind.Count,
            new("督办单数", "Supervision orders"),
            new("向责任单位发出的督办单数（《信访工作条例》第四十条），按发出日计。", "Supervision orders issued to units (Art 40), by the day issued.")),
        new("suggestions_received", IndicatorKind.Count,
            new("收到人民建议件数", "Suggestions received"),
            new("期间内收到的人民建议件数（网上提交、来信来访登记或由信访件转入），按收到日计。",
                "People's suggestions received in the period (submitted online, registered from a letter or visit, or opened from a petition), by the day received.")),
        new("suggestion_adoption_rate", IndicatorKind.Rate,
            new("建议转化率", "Suggestion adoption rate"),
            new("答复为采纳或部分采纳的建议件数 ÷ 已答复建议件数，按全部承办部门答复之日计。",
                "Suggestions answered as adopted or partly adopted ÷ suggestions answered, by the day every assigned department had answered.")),
        new("leader_reception_batches", IndicatorKind.Count,
            new("领导接访批次", "Leader reception batches"),
            new("领导接访（领导接访日、预约接访、上门走访、领导下访）接待的批次，按接访日计；部门值班接访不计。",
                "Batches received at leaders' receptions (reception days, appointments, home visits, leaders' visits), by the day of reception; a department's duty reception is not counted.")),
        new("leader_reception_persons", IndicatorKind.Count,
            new("领导接访人次", "Leader reception persons"),
            new("领导接访接待的人数合计（以更正后的人数为准），按接访日计。",
                "Persons received at leaders' receptions (as corrected), by the day of reception.")),
        new("must_visit_batches", IndicatorKind.Count,
            new("必访批次", "Must-visit batches"),
            new("依“四个必访”计划的领导下访中接待的批次，按接访日计。",
                "Batches received at leaders' visits planned from a must-visit proposal (四个必访), by the day of reception.")),
        new("must_visit_share", IndicatorKind.Rate,
            new("必访占比", "Must-visit share"),
            new("县级领导下访接待的批次中依“四个必访”计划的批次 ÷ 县级（县、市、区）领导下访接待的批次，按接访日计（新昌县报告为 63%）。",
                "Batches received at county-level (district or county) leaders' visits planned from a must-visit proposal ÷ batches received at county-level leaders' visits, by the day of reception (Xinchang reports 63%).")),
        new("disputes_opened", IndicatorKind.Count,
            new("受理矛盾纠纷件数", "Disputes registered"),
            new("登记申请人民调解的矛盾纠纷件数（含信访件转调解），按登记日计。",
                "Disputes registered for people's mediation (petitions referred to mediation included), by the day registered.")),
        new("disputes_accepted", IndicatorKind.Count,
            new("受理调解件数", "Disputes accepted for mediation"),
            new("双方同意调解而受理的纠纷件数（《人民调解法》第十七条），按受理日计。",
                "Disputes accepted for mediation once both sides consented (人民调解法 Art 17), by the day accepted.")),
        new("mediation_sessions", IndicatorKind.Count,
            new("调解场次", "Mediation sessions"),
            new("已举行的调解会次数，按举行日计。", "Mediation sessions held, by the day held.")),
        new("mediation_agreements", IndicatorKind.Count,
            new("达成调解协议件数", "Mediation agreements"),
            new("以调解协议结束的纠纷件数，按协议记录日计。", "Disputes ended in a mediation agreement, by the day the agreement was recorded.")),
        new("mediation_success_rate", IndicatorKind.Rate,
            new("调解成功率", "Mediation success rate"),
            new("达成调解协议件数 ÷（达成调解协议件数 + 调解不成件数），各按结束日计；撤回的纠纷不计。",
                "Disputes ended in an agreement ÷ disputes ended in an agreement or in failure, each by the day it ended; withdrawn disputes are not counted.")),
        new("judicial_confirmation_rate", IndicatorKind.Rate,
            new("司法确认率", "Judicial confirmation rate"),
            new("法院裁定确认的调解协议件数 ÷ 法院作出裁定的件数，按裁定日计。",
                "Agreements the court confirmed ÷ applications the court ruled on, by the day of the ruling.")),
        new("agreements_performed", IndicatorKind.Count,
            new("调解协议履行件数", "Agreements performed"),
            new("回访确认已履行的调解协议件数，按确认履行的回访日计。", "Mediation agreements a return visit found performed, by the day of that visit.")),
        new("agreement_performance_rate", IndicatorKind.Rate,
            new("调解协议履行率", "Agreement performance rate"),
            new("回访确认已履行的调解协议件数 ÷ 已回访的调解协议件数；每件协议按其最近一次回访计一次，按该回访日计。",
                "Agreements found performed ÷ agreements followed up by a return visit; each agreement counts once, as its latest visit found it, by the day of that visit.")),
    ];

    /// <summary>How each figure is computed from a group's sums, in the order of <see cref="All"/>.</summary>
    private static readonly FigureFormula[] Formulas =
    [
        FigureFormula.Count("registered", s => s.Registered),
        FigureFormula.Count("registered_persons", s => s.RegisteredPersons),
        FigureFormula.Rate("repeat_rate", s => s.RepeatRegistered, s => s.Registered),
        FigureFormula.Rate("skip_level_rate", s => s.SkipLevelRegistered, s => s.Registered),
        FigureFormula.Rate("on_time_acceptance_rate", s => s.AcceptedOnTime, s => s.Accepted),
        FigureFormula.Rate("on_time_conclusion_rate", s => s.ConcludedOnTime, s => s.Concluded),
        FigureFormula.Rate("satisfaction_rate", s => s.RatedSatisfied + s.RatedBasicallySatisfied, s => s.RatedSatisfied + s.RatedBasicallySatisfied + s.RatedDissatisfied),
        FigureFormula.Rate("participation_rate", s => s.RatedSatisfied + s.RatedBasicallySatisfied + s.RatedDissatisfied, s => s.Concluded),
        FigureFormula.Rate("resolution_rate", s => s.Resolved, s => s.Closed),
        FigureFormula.Rate("first_time_resolution_rate", s => s.FirstTimeResolved, s => s.FirstTimeClosed),
        FigureFormula.Count("backlog", s => s.Backlog),
        FigureFormula.Count("cases_forwarded", s => s.CasesForwarded),
        FigureFormula.Count("cases_assigned", s => s.CasesAssigned),
        FigureFormula.Count("supervision_orders", s => s.SupervisionOrders),
        FigureFormula.Count("suggestions_received", s => s.SuggestionsReceived),
        FigureFormula.Rate("suggestion_adoption_rate", s => s.SuggestionsAdopted, s => s.SuggestionsAnswered),
        FigureFormula.Count("leader_reception_batches", s => s.ReceptionBatches),
        FigureFormula.Count("leader_reception_persons", s => s.ReceptionPersons),
        FigureFormula.Count("must_visit_batches", s => s.MustVisitBatches),
        FigureFormula.Rate("must_visit_share", s => s.CountyMustVisitBatches, s => s.CountyVisitBatches),
        FigureFormula.Count("disputes_opened", s => s.DisputesOpened),
        FigureFormula.Count("disputes_accepted", s => s.DisputesAccepted),
        FigureFormula.Count("mediation_sessions", s => s.MediationSessions),
        FigureFormula.Count("mediation_agreements", s => s.MediationAgreements),
        FigureFormula.Rate("mediation_success_rate", s => s.MediationAgreements, s => s.MediationAgreements + s.MediationFailures),
        FigureFormula.Rate("judicial_confirmation_rate", s => s.JudicialConfirmed, s => s.JudicialDecided),
        FigureFormula.Count("agreements_performed", s => s.AgreementsPerformed),
        FigureFormula.Rate("agreement_performance_rate", s => s.AgreementsPerformed, s => s.AgreementsFollowedUp),
    ];

    private static readonly FrozenDictionary<string, FigureFormula> FormulaByKey = Formulas.ToFrozenDictionary(f => f.Key, StringComparer.Ordinal);

    public const string NotAKeyMessage = "Not an indicator's key (GetIndicatorDefinitions lists them).";

    private static readonly FrozenSet<string> Keys = All.Select(d => d.Key).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKey(string key) => Keys.Contains(key);

    /// <summary>The keys a caller asked for, or null (every figure) when none.</summary>
    public static IReadOnlyList<string>? Requested(string[]? keys) => keys is { Length: > 0 } ? keys : null;

    /// <summary>The figures of the keys asked for, in the order of <see cref="All"/>; every figure without keys.</summary>
    public static Func<FactSums, IReadOnlyList<IndicatorFigure>> Selection(IReadOnlyList<string>? keys)
    {
        if (keys is null)
        {
            return Figures;
        }

        var wanted = keys.ToFrozenSet(StringComparer.Ordinal);
        var formulas = Formulas.Where(f => wanted.Contains(f.Key)).ToArray();
        return sums => Compute(formulas, sums);
    }

    /// <summary>
    /// The counters each figure is computed from, found by giving <see cref="Figures"/> one counter at a time: a figure reads a
    /// counter when its numerator or denominator moves with it. Found rather than listed, so that it cannot drift from the arithmetic.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> Inputs = FindInputs();

    /// <summary>The counters the figures of <paramref name="keys"/> are computed from; every counter (null) without keys.</summary>
    public static SumColumns? InputsOf(IEnumerable<string>? keys) => keys is null ? null : SumColumns.Of(InputNamesOf(keys));

    /// <summary>The <see cref="FactSums"/> properties the figures of <paramref name="keys"/> are computed from, the backlog among them.</summary>
    public static IEnumerable<string> InputNamesOf(IEnumerable<string> keys) => keys.SelectMany(key => Inputs[key]);

    private static FrozenDictionary<string, string[]> FindInputs()
    {
        var none = Figures(new FactSums());
        var counters = typeof(FactSums).GetProperties().Where(p => p.PropertyType == typeof(long)).ToList();
        var inputs = All.ToDictionary(d => d.Key, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var counter in counters)
        {
            var one = new FactSums();
            counter.SetValue(one, 1L);
            foreach (var figure in Figures(one).Zip(none).Where(pair => pair.First != pair.Second).Select(pair => pair.First))
            {
                inputs[figure.Key].Add(counter.Name);
            }
        }

        return inputs.ToFrozenDictionary(i => i.Key, i => i.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The figures of one group of facts, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<IndicatorFigure> Figures(FactSums s) => Compute(Formulas, s);

    /// <summary>One figure of a group of facts, computed alone: the five-colour chart scores a few figures of many groups.</summary>
    public static IndicatorFigure Figure(string key, FactSums s) => FormulaByKey[key].Of(s);

    private static IndicatorFigure[] Compute(FigureFormula[] formulas, FactSums s)
    {
        var figures = new IndicatorFigure[formulas.Length];
        for (var i = 0; i < formulas.Length; i++)
        {
            figures[i] = formulas[i].Of(s);
        }

        return figures;
    }

    /// <summary>A figure's key and how its numerator and, for a rate, its denominator are summed from the counters.</summary>
    private sealed record FigureFormula(string Key, Func<FactSums, long> Numerator, Func<FactSums, long>? Denominator)
    {
        public static FigureFormula Count(string key, Func<FactSums, long> count) => new(key, count, null);

        public static FigureFormula Rate(string key, Func<FactSums, long> numerator, Func<FactSums, long> denominator) => new(key, numerator, denominator);

        public IndicatorFigure Of(FactSums s) => new(Key, Numerator(s), Denominator?.Invoke(s));
    }
}

/// <summary>One figure: the numerator and, for a rate, the denominator; the SPA divides, the API never gives a bare percentage.</summary>
internal sealed record IndicatorFigure(string Key, long Numerator, long? Denominator)
{
    public static IndicatorFigure Rate(string key, long numerator, long denominator) => new(key, numerator, denominator);

    public static IndicatorFigure Count(string key, long count) => new(key, count, null);
}
