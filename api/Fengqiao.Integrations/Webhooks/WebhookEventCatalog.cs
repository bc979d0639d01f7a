using System.Text.Json.Nodes;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts;
using Fengqiao.Contracts.Dispatch;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Mediation;
using Fengqiao.Contracts.Organization;
using Fengqiao.Contracts.Receptions;
using Fengqiao.Contracts.Suggestions;

namespace Fengqiao.Integrations.Webhooks;

/// <summary>
/// Where an event belongs: the aggregate whose deliveries go out in order, the region whose jurisdiction may receive it (null
/// when the event does not carry it: the petition's region recorded at registration stands in), the units it is assigned to,
/// and the petition it concerns, so that nothing of a petition referred to discipline inspection goes out.
/// </summary>
internal sealed record EventScope(string AggregateKey, string? RegionPath, IReadOnlyList<Guid> UnitIds, Guid? PetitionId);

/// <summary>An integration event a webhook may subscribe to, under its public name (e.g. <c>petition.accepted</c>).</summary>
internal sealed record WebhookEventKind(string Name, Type EventType, string Description, Func<IIntegrationEvent, EventScope> ScopeOf)
{
    /// <summary>Fields of the event left out of the webhook's data, beside the envelope's id and time.</summary>
    public IReadOnlyList<string> Withheld { get; init; } = [];
}

/// <summary>
/// The integration events offered to webhooks. Staff accounts (user events) are not offered: they carry no region and are no
/// third party's business. A petition's registration goes out without its flags: they are computed over every earlier
/// petition, accusations referred to discipline inspection included, and could tell that a hidden accusation exists.
/// </summary>
internal static class WebhookEventCatalog
{
    public const string Ping = "webhook.ping";

    public static readonly IReadOnlyList<WebhookEventKind> All =
    [
        Petition<PetitionRegistered>("petition.registered", "A petition was registered, from any channel.", e => (e.PetitionId, e.RegionPath)) with { Withheld = ["flags"] },
        Petition<PetitionAccepted>("petition.accepted", "A petition was accepted for handling; a case opens for it.", e => (e.PetitionId, e.RegionPath)),
        Petition<PetitionClassified>("petition.classified", "A petition was classified (accepted, not accepted, diverted, converted or referred) with the petitioner's notice.", e => (e.PetitionId, null)),
        Petition<PetitionConvertedToSuggestion>("petition.converted_to_suggestion", "A petition became a people's suggestion.", e => (e.PetitionId, null)),
        Petition<PetitionReferredToMediation>("petition.referred_to_mediation", "A petition was referred to a mediation room.", e => (e.PetitionId, null)),
        Petition<PetitionsMerged>("petition.merged", "A petition was merged into another as its duplicate.", e => (e.MergedPetitionId, null)),
        Case<CaseAssigned>("case.assigned", "A case was assigned or forwarded to a lead unit."),
        Case<CaseSigned>("case.signed", "The lead unit signed for a case."),
        Case<CaseReturned>("case.returned", "The lead unit returned a case as not its own."),
        Case<CaseExtended>("case.extended", "A case's reply deadline was extended."),
        Case<CaseReplied>("case.replied", "The lead unit replied to the petitioner with its written opinion."),
        Case<CaseRated>("case.rated", "The petitioner's satisfaction with a reply was recorded."),
        Case<CaseReviewRequested>("case.review_requested", "A review or re-review of a case was requested."),
        Case<CaseClosed>("case.closed", "A case was closed."),
        Case<CaseFinal>("case.final", "A matter became final after re-review."),
        Case<CaseDueSoon>("case.due_soon", "A step of a case is near its deadline."),
        Case<CaseOverdue>("case.overdue", "A step of a case is past its deadline."),
        Of<DisputeOpened>("dispute.opened", "A dispute was registered for people's mediation.", e => new($"dispute:{e.DisputeId}", e.RegionPath, [], e.PetitionId)),
        Of<DisputeAccepted>("dispute.accepted", "Both sides consented: a dispute was accepted for mediation.", e => new($"dispute:{e.DisputeId}", e.RegionPath, [], e.PetitionId)),
        Of<SuggestionSubmitted>("suggestion.submitted", "A people's suggestion arrived.", e => new($"suggestion:{e.SuggestionId}", e.RegionPath, [], e.PetitionId)),
        Of<SuggestionScreened>("suggestion.screened", "A suggestion was screened: valid, duplicate or out of scope.", e => new($"suggestion:{e.SuggestionId}", e.RegionPath, [], null)),
        Reception<ReceptionScheduled>("reception.scheduled", "A leader's reception, a duty or a visit was scheduled."),
        Reception<ReceptionHeld>("reception.held", "A reception was held."),
        Reception<ReceptionBatchRecorded>("reception.batch_recorded", "A batch of petitioners received at a reception was recorded."),
        Reception<ReceptionBatchCorrected>("reception.batch_corrected", "A recorded batch's persons or outcome were corrected."),
        Reception<MustVisitPlanned>("reception.must_visit_planned", "A leader's must-visit was planned."),
        Of<MustVisitProposed>("must_visit.proposed", "A town was proposed for a must-visit of a month.", e => new($"must_visit_proposal:{e.ProposalId}", e.RegionPath, [], null)),
        Of<JointMeetingHeld>("joint_meeting.held", "A joint meeting was held and recorded.", e => new($"joint_meeting:{e.MeetingId}", e.RegionPath, [], null)),
        Of<ResponsibilityLetterSigned>("responsibility_letter.signed", "A responsibility letter was signed.", e => new($"responsibility_letter:{e.LetterId}", e.ReceivingRegionPath, [], null)),
        Of<ResponsibilityLetterCorrected>("responsibility_letter.corrected", "A responsibility letter's units, signatories or signing day were corrected.", e => new($"responsibility_letter:{e.LetterId}", e.ReceivingRegionPath, [], null)),
        Of<ResponsibilityLetterWithdrawn>("responsibility_letter.withdrawn", "A responsibility letter recorded by mistake was withdrawn.", e => new($"responsibility_letter:{e.LetterId}", e.ReceivingRegionPath, [], null)),
    ];

    private static readonly Dictionary<string, WebhookEventKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    private static readonly Dictionary<Type, WebhookEventKind> ByType = All.ToDictionary(k => k.EventType);

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);

    public static WebhookEventKind? Of(Type eventType) => ByType.GetValueOrDefault(eventType);

    /// <summary>The event's data as it goes out: its fields in camelCase, less the envelope's and the withheld ones.</summary>
    public static JsonObject DataOf(WebhookEventKind kind, IIntegrationEvent integrationEvent)
    {
        var data = System.Text.Json.JsonSerializer.SerializeToNode(integrationEvent, kind.EventType, IntegrationEventTypes.Json)!.AsObject();
        data.Remove("eventId");
        data.Remove("occurredAt");
        foreach (var field in kind.Withheld)
        {
            data.Remove(field);
        }

        return data;
    }

    private static WebhookEventKind Of<TEvent>(string name, string description, Func<TEvent, EventScope> scope)
        where TEvent : IIntegrationEvent =>
        new(name, typeof(TEvent), description, e => scope((TEvent)e));

    private static WebhookEventKind Petition<TEvent>(string name, string description, Func<TEvent, (Guid PetitionId, string? RegionPath)> petition)
        where TEvent : IIntegrationEvent =>
        Of<TEvent>(name, description, e =>
        {
            var (petitionId, regionPath) = petition(e);
            return new EventScope($"petition:{petitionId}", regionPath, [], petitionId);
        });

    private static WebhookEventKind Case<TEvent>(string name, string description)
        where TEvent : CaseEvent =>
        Of<TEvent>(name, description, e => new EventScope(
            $"case:{e.CaseId}", e.RegionPath, [.. e.LeadUnitId is { } lead ? [lead] : Array.Empty<Guid>(), .. e is CaseAssigned assigned ? assigned.CoUnitIds : []], e.PetitionId));

    private static WebhookEventKind Reception<TEvent>(string name, string description)
        where TEvent : ReceptionEvent =>
        Of<TEvent>(name, description, e => new EventScope(
            $"reception:{e.ReceptionId}", e.RegionPath, e.UnitId is { } unit ? [unit] : [], e is ReceptionBatchRecorded batch ? batch.PetitionId : null));
}
