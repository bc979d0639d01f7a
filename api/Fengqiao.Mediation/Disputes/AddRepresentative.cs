using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using Fengqiao.Mediation.Rooms;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Mediation.Disputes;

/// <summary>
/// Adds a representative 代理人/代表 to a side of an open dispute, within the rule set's limit for its type; needs If-Match.
/// Answers the representative's id with the dispute's new version.
/// </summary>
internal sealed record AddDisputeRepresentative(DisputeSide Side, string Name, RepresentativeRole Role, string? Relation, string Phone, string? IdNumber)
    : ICommand<EntityVersion>, IRepresentativeFields
{
    [JsonIgnore]
    public Guid DisputeId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class AddDisputeRepresentativeValidator(TimeProvider clock) : RepresentativeFieldsValidator<AddDisputeRepresentative>(clock);

internal sealed class AddDisputeRepresentativeHandler(IDbSession session, DisputeStore store, IRuleSets ruleSets, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<AddDisputeRepresentative, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AddDisputeRepresentative command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command.DisputeId, command.ExpectedVersion, cancellationToken);
        RepresentativeLimits.RequireOpen(before);
        var limit = RepresentativeLimits.PerSide(ruleSets, before.DisputeType);
        var onSide = await session.ExecuteScalarAsync<long>(DisputeSql.RepresentativesOnSide, new { DisputeId = before.Id, Side = command.Side.ToString() }, cancellationToken);
        if (onSide >= limit)
        {
            throw RoomStore.Invalid(nameof(AddDisputeRepresentative.Side), RepresentativeLimits.Exceeded(limit, before.DisputeType));
        }

        // The same person (by the keyed hash of the phone or the ID number) represents a dispute once.
        var (idNumberHash, phoneHash) = store.MatchKeysOf(command);
        if (await session.ExecuteScalarAsync<long>(DisputeSql.RepresentativeMatches, new { DisputeId = before.Id, IdNumberHash = idNumberHash, PhoneHash = phoneHash },
            cancellationToken) > 0)
        {
            throw RoomStore.Invalid(nameof(AddDisputeRepresentative.Phone), "This person already represents a side of the dispute.");
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await store.InsertRepresentativesAsync(before.Id, [(id, command)], now, cancellationToken);
        await session.ExecuteVersionedAsync(DisputeSql.Touch, new { before.Id, command.ExpectedVersion }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("mediation.representative_added", "mediation_dispute", before.Id, new { before.Version }, new
        {
            RepresentativeId = id, command.Side, command.Role, Version = before.Version + 1,
        }));
        return new EntityVersion(id, before.Version + 1);
    }
}

internal static class AddDisputeRepresentativeEndpoint
{
    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/representatives", Handle)
            .WithName("AddDisputeRepresentative")
            .WithDescription("Adds a representative (代理人/代表: a close relative, lawyer, legal service worker, employee, elected representative, ...) to one side of an open dispute, with the relation, a contact phone and optionally the ID number, both protected and masked as the parties' are. If-Match carries the dispute's ETag; the answer is the representative's id with the dispute's new version. 400 names the field, `side` when the side already has as many representatives as the rule set allows for the dispute type (e.g. five in medical disputes); 409 `dispute_action_not_allowed` when the dispute has ended.")
            .ProducesETag()
            .WithSummary("Adds a representative to a side of an open dispute, within the rule set's limit; needs If-Match.")
            .RequireCapability(Capability.MediateDisputes)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Created<EntityVersion>> Handle(Guid id, AddDisputeRepresentative request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var added = await sender.Send(request with { DisputeId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, added.Version);
        return TypedResults.Created($"/api/v1/mediation/disputes/{id}", added);
    }
}
