using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Intake.Petitions;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Duplicates;

internal static class LinkSql
{
    public const string LinkExists = "SELECT COUNT(*) FROM intake_links WHERE petition_id = @PetitionId AND linked_petition_id = @LinkedPetitionId";

    public const string InsertLink = """
        INSERT INTO intake_links (petition_id, linked_petition_id, kind, created_at, created_by)
        VALUES (@PetitionId, @LinkedPetitionId, @Kind, @Now, @CreatedBy)
        """;

    public const string Unlink = """
        DELETE FROM intake_links WHERE (petition_id = @A AND linked_petition_id = @B) OR (petition_id = @B AND linked_petition_id = @A)
        """;

    public const string BumpVersion = "UPDATE intake_petitions SET version = version + 1 WHERE id = @Id AND version = @ExpectedVersion";

    public const string MarkMerged = """
        UPDATE intake_petitions SET status = 'Merged', merged_into_id = @IntoId, version = version + 1
        WHERE id = @Id AND version = @ExpectedVersion AND status = 'Registered'
        """;
}

/// <summary>Links two petitions on the same matter; both then point to each other. Needs If-Match of the first.</summary>
internal sealed record LinkPetitions(Guid OtherPetitionId) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid PetitionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class LinkPetitionsValidator : AbstractValidator<LinkPetitions>
{
    public LinkPetitionsValidator()
    {
        RuleFor(c => c.OtherPetitionId).NotEmpty().NotEqual(c => c.PetitionId).WithMessage("A petition cannot be linked to itself.");
    }
}

/// <summary>
/// Merges a registered petition into another: it shows where it went, the target lists it, its attachments
/// appear on the target, and the petitioner is told in their public timeline. Needs If-Match of the merged one.
/// </summary>
internal sealed record MergePetition(Guid IntoPetitionId) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid PetitionId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class MergePetitionValidator : AbstractValidator<MergePetition>
{
    public MergePetitionValidator()
    {
        RuleFor(c => c.IntoPetitionId).NotEmpty().NotEqual(c => c.PetitionId).WithMessage("A petition cannot be merged into itself.");
    }
}

internal sealed class LinkPetitionsHandler(IDbSession session, ICurrentUser caller, PetitionReader reader, Timeline timeline, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<LinkPetitions, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(LinkPetitions command, CancellationToken cancellationToken)
    {
        var petition = await reader.GetForChangeAsync(command.PetitionId, command.ExpectedVersion, cancellationToken);
        PetitionActions.Require(PetitionAction.Link, petition, caller);
        var other = await reader.GetAsync(command.OtherPetitionId, cancellationToken);
        if (await session.ExecuteScalarAsync<long>(LinkSql.LinkExists, new { PetitionId = petition.Id, LinkedPetitionId = other.Id }, cancellationToken) > 0)
        {
            throw new ConflictException("already_linked", $"{petition.Number} and {other.Number} are already linked.");
        }

        var now = clock.GetUtcNow();
        await PairAsync(session, petition.Id, other.Id, LinkKind.Linked, LinkKind.Linked, now, caller.UserId, cancellationToken);
        if (await session.ExecuteAsync(LinkSql.BumpVersion, new { petition.Id, command.ExpectedVersion }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(command.ExpectedVersion);
        }

        await timeline.AddByCallerAsync(petition.Id, TimelineKind.Linked, false, other.Number, cancellationToken);
        await timeline.AddByCallerAsync(other.Id, TimelineKind.Linked, false, petition.Number, cancellationToken);
        audit.Record(new AuditEntry("petition.linked", "petition", petition.Id, After: new { LinkedTo = other.Id }));
        return new EntityVersion(petition.Id, petition.Version + 1);
    }

    internal static async Task PairAsync(IDbSession session, Guid a, Guid b, LinkKind aToB, LinkKind bToA, DateTimeOffset now, Guid? by, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(LinkSql.InsertLink, new { PetitionId = a, LinkedPetitionId = b, Kind = aToB.ToString(), Now = now, CreatedBy = by }, cancellationToken);
        await session.ExecuteAsync(LinkSql.InsertLink, new { PetitionId = b, LinkedPetitionId = a, Kind = bToA.ToString(), Now = now, CreatedBy = by }, cancellationToken);
    }
}

internal sealed class MergePetitionHandler(
    IDbSession session,
    ICurrentUser caller,
    PetitionReader reader,
    Timeline timeline,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : ICommandHandler<MergePetition, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(MergePetition command, CancellationToken cancellationToken)
    {
        var merged = await reader.GetForChangeAsync(command.PetitionId, command.ExpectedVersion, cancellationToken);
        PetitionActions.Require(PetitionAction.Merge, merged, caller);
        var into = await reader.GetAsync(command.IntoPetitionId, cancellationToken);
        if (into.Status == PetitionStatus.Merged)
        {
            throw new ConflictException("invalid_state", $"{into.Number} was itself merged; merge into the petition it went to.");
        }

        var now = clock.GetUtcNow();
        if (await session.ExecuteAsync(LinkSql.MarkMerged, new { merged.Id, IntoId = into.Id, command.ExpectedVersion }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(command.ExpectedVersion);
        }

        await session.ExecuteAsync(LinkSql.Unlink, new { A = merged.Id, B = into.Id }, cancellationToken);
        await LinkPetitionsHandler.PairAsync(session, merged.Id, into.Id, LinkKind.MergedInto, LinkKind.MergedFrom, now, caller.UserId, cancellationToken);

        await timeline.AddByCallerAsync(merged.Id, TimelineKind.MergedInto, true, into.Number, cancellationToken);
        await timeline.AddByCallerAsync(into.Id, TimelineKind.MergedFrom, false, merged.Number, cancellationToken);
        audit.Record(new AuditEntry("petition.merged", "petition", merged.Id, new { merged.Status }, new { Status = PetitionStatus.Merged, MergedInto = into.Id }));
        events.Publish(new PetitionsMerged(Guid.CreateVersion7(now), now, merged.Id, into.Id));
        return new EntityVersion(merged.Id, merged.Version + 1);
    }
}

internal static class LinkAndMergeEndpoints
{
    public static void Map(IEndpointRouteBuilder petitions)
    {
        Versioned(
            petitions.MapPost("/{id:guid}/links", LinkAsync)
                .WithName("LinkPetitions")
                .WithSummary("Links this petition with another one on the same matter; each then lists the other.")
                .WithDescription("Links two registered petitions about the same matter without merging them: both show the link and keep their own handling. If-Match carries the ETag of the petition in the path. 404 when either lies outside the caller's jurisdiction; 409 when they are already linked."),
            PetitionAction.Link);
        Versioned(
            petitions.MapPost("/{id:guid}/merge", MergeAsync)
                .WithName("MergePetition")
                .WithSummary("Merges this petition into another on the same matter; its attachments then show on the target.")
                .WithDescription("Merges a registered petition into the one given in the body: the merged petition shows where it went and stops being handled, the target lists it and shows its attachments, and the petitioner's public timeline tells them. If-Match carries the ETag of the petition being merged. 404 when either lies outside the caller's jurisdiction; 409 when the target was itself merged (merge into the petition it went to)."),
            PetitionAction.Merge);
    }

    private static RouteHandlerBuilder Versioned(RouteHandlerBuilder endpoint, PetitionAction action) =>
        endpoint
            .ProducesETag()
            .RequireRoles(PetitionActions.RolesFor(action))
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> LinkAsync(Guid id, LinkPetitions request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        Done(context, await sender.Send(request with { PetitionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken));

    private static async Task<Ok<EntityVersion>> MergeAsync(Guid id, MergePetition request, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        Done(context, await sender.Send(request with { PetitionId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken));

    private static Ok<EntityVersion> Done(HttpContext context, EntityVersion version)
    {
        Versioning.SetETag(context, version.Version);
        return TypedResults.Ok(version);
    }
}
