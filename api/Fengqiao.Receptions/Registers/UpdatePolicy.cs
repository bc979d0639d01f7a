using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Receptions.Registers;

/// <summary>Corrects a registered major policy: its title, the town or village it applies to, its dates or note. Needs If-Match.</summary>
internal sealed record UpdatePolicy(string Title, Guid RegionId, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Note) : ICommand<EntityVersion>
{
    [JsonIgnore]
    public Guid PolicyId { get; init; }

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicy>
{
    public UpdatePolicyValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.EffectiveTo).GreaterThanOrEqualTo(c => c.EffectiveFrom).When(c => c.EffectiveTo is not null).WithMessage("The policy ends on or after the day it takes effect.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class UpdatePolicyHandler(IDbSession session, RegisterEntries entries, RegisterPlaces places, IAuditLog audit)
    : ICommandHandler<UpdatePolicy, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(UpdatePolicy command, CancellationToken cancellationToken)
    {
        var before = await entries.PolicyForChangeAsync(command.PolicyId, command.ExpectedVersion, cancellationToken);
        var region = await places.PlaceAsync(command.RegionId, nameof(UpdatePolicy.RegionId), cancellationToken);
        var title = command.Title.Trim();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        await session.ExecuteVersionedAsync(RegisterSql.UpdatePolicy, new
        {
            Id = before.Id,
            Title = title,
            RegionId = region.Id,
            RegionPath = region.Path,
            RegionName = region.Name,
            command.EffectiveFrom,
            command.EffectiveTo,
            Note = note,
            command.ExpectedVersion,
        }, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("reception.policy_changed", "reception_policy", before.Id,
            new { before.Title, before.RegionId, before.EffectiveFrom, before.EffectiveTo, before.Note, before.Version },
            new { Title = title, RegionId = region.Id, command.EffectiveFrom, command.EffectiveTo, Note = note, Version = before.Version + 1 }));
        return new EntityVersion(before.Id, before.Version + 1);
    }
}

internal static class UpdatePolicyEndpoint
{
    public static void Map(IEndpointRouteBuilder receptions) =>
        receptions.MapPut("/policies/{id:guid}", Handle)
            .WithName("UpdateMustVisitPolicy")
            .WithDescription("Corrects a registered major policy: its title, the town or village it applies to, its dates or note. If-Match carries the ETag from the register. 400 for an end before the start; 404 outside the jurisdiction.")
            .ProducesETag()
            .WithSummary("Corrects a registered major policy (the petition bureau); needs If-Match.")
            .RequireCapability(Capability.ManageReceptionRegisters)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<EntityVersion>> Handle(Guid id, UpdatePolicy request, ISender sender, HttpContext context, CancellationToken cancellationToken)
    {
        var changed = await sender.Send(request with { PolicyId = id, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        Versioning.SetETag(context, changed.Version);
        return TypedResults.Ok(changed);
    }
}
