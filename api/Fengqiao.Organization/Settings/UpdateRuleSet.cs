using System.Text.Json;
using System.Text.Json.Serialization;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.RuleSets;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Organization.Settings;

/// <summary>
/// Replaces a rule set's title and document. Each module checks its own section (e.g. intake periods and limits);
/// sections no module checks yet are kept as sent but must be objects, and no section may disappear. Needs
/// If-Match; only a city administrator changes rule sets.
/// </summary>
internal sealed record UpdateRuleSet(string Title, JsonElement Document) : ICommand<RuleSetVersion>
{
    [JsonIgnore]
    public string Name { get; init; } = string.Empty;

    [JsonIgnore]
    public long ExpectedVersion { get; init; }
}

internal sealed record RuleSetVersion(string Name, long Version);

internal sealed class UpdateRuleSetValidator : AbstractValidator<UpdateRuleSet>
{
    public UpdateRuleSetValidator()
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Document.ValueKind).Equal(JsonValueKind.Object).OverridePropertyName("document")
            .WithMessage("A rule set is a JSON object of sections.");
    }
}

internal sealed class UpdateRuleSetHandler(RuleSetStore store, ICurrentUser caller, IAuditLog audit) : ICommandHandler<UpdateRuleSet, RuleSetVersion>
{
    public async ValueTask<RuleSetVersion> Handle(UpdateRuleSet command, CancellationToken cancellationToken)
    {
        Jurisdiction.RequireWholeTree(caller);
        var before = await store.FindAsync(command.Name, cancellationToken);
        var version = await store.UpdateAsync(command.Name, command.Title.Trim(), command.Document, command.ExpectedVersion, cancellationToken);
        audit.Record(new AuditEntry("rule_set.updated", "rule_set", null,
            before is null ? null : new { before.Name, before.Title, before.Version, Document = before.Document.GetRawText() },
            new { command.Name, Title = command.Title.Trim(), Version = version, Document = command.Document.GetRawText() }));
        return new RuleSetVersion(command.Name, version);
    }
}

internal static class UpdateRuleSetEndpoint
{
    public static void Map(IEndpointRouteBuilder ruleSets) =>
        ruleSets.MapPut("/{name}", Handle)
            .WithName("UpdateRuleSet")
            .WithSummary("Replaces a rule set's title and document.")
            .WithDescription("Replaces a rule set's title and document; If-Match carries the ETag read. Each module checks its own section (400 names the field); sections no module checks yet are kept as sent but must be objects, and no section may disappear. Only an administrator of the city changes rule sets.")
            .ProducesETag()
            .RequireCapability(Capability.ManageSettings)
            .ProducesValidationProblem()
            .ProducesVersionedChangeProblems();

    private static async Task<Ok<RuleSetVersion>> Handle(
        string name, UpdateRuleSet request, ISender sender, IRuleSets ruleSets, HttpContext context, CancellationToken cancellationToken)
    {
        var updated = await sender.Send(request with { Name = name, ExpectedVersion = Versioning.RequiredIfMatch(context) }, cancellationToken);
        await ruleSets.RefreshAsync(cancellationToken);
        Versioning.SetETag(context, updated.Version);
        return TypedResults.Ok(updated);
    }
}
