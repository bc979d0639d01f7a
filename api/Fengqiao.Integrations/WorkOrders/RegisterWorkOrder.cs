using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.Contracts.Intake;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Integrations.WorkOrders;

/// <summary>The hotline a work order comes from: the 12345 government hotline or its business (enterprise) line.</summary>
internal enum WorkOrderLine
{
    Hotline12345,
    BusinessHotline,
}

/// <summary>The caller who rang the hotline.</summary>
internal sealed record WorkOrderCaller(string Name, string? Phone, string? IdNumber);

/// <summary>
/// A work order the 12345 platform pushes: registered as a petition of the matching channel by intake's own registration, in
/// the pushing client's jurisdiction, with the order number as the petition's channel reference. The same order number
/// pushed again registers nothing and answers the petition of the first push. Acceptance, reply and closure reach the
/// platform as the petition's and its case's events, which carry the petition id this answer gives.
/// </summary>
/// <param name="Location">Where the matter is, as the hotline recorded it; kept as the petition's facts.</param>
/// <param name="DueAt">The hotline's own deadline for the order; kept with the order.</param>
internal sealed record RegisterWorkOrder(
    string OrderNumber,
    WorkOrderLine Line,
    WorkOrderCaller Caller,
    string Content,
    string Category,
    Guid RegionId,
    string? Location,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt) : ICommand<WorkOrderReceipt>;

/// <param name="Registered">True when this push registered the petition, false when an earlier push of the order had.</param>
internal sealed record WorkOrderReceipt(string OrderNumber, Guid PetitionId, string PetitionNumber, bool Registered);

internal sealed class RegisterWorkOrderValidator : AbstractValidator<RegisterWorkOrder>
{
    public RegisterWorkOrderValidator()
    {
        RuleFor(c => c.OrderNumber).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Line).IsInEnum();
        RuleFor(c => c.Caller).NotNull();
        RuleFor(c => c.Caller.Name).NotEmpty().MaximumLength(50).When(c => c.Caller is not null);
        RuleFor(c => c.Content).NotEmpty().MaximumLength(4000);
        RuleFor(c => c.Category).NotEmpty().MaximumLength(40);
        RuleFor(c => c.RegionId).NotEmpty();
        RuleFor(c => c.Location).MaximumLength(200);
        RuleFor(c => c.DueAt).GreaterThan(c => c.ReceivedAt).When(c => c.DueAt is not null).WithMessage("The due time comes after the received time.");
    }
}

internal sealed class RegisterWorkOrderHandler(IDbSession session, ICurrentUser caller, IPetitionRegistration petitions, TimeProvider clock)
    : ICommandHandler<RegisterWorkOrder, WorkOrderReceipt>
{
    public async ValueTask<WorkOrderReceipt> Handle(RegisterWorkOrder command, CancellationToken cancellationToken)
    {
        var line = command.Line.ToSnakeCase();
        var orderNumber = command.OrderNumber.Trim();
        var earlier = await session.QuerySingleOrDefaultAsync<WorkOrderRow>(WorkOrderSql.ByNumber, new { Line = line, OrderNumber = orderNumber }, cancellationToken);
        if (earlier is not null)
        {
            // Another jurisdiction's order of the same number is not this caller's to learn about.
            return await petitions.FindReadableAsync(earlier.PetitionId, cancellationToken) is null
                ? throw new ConflictException("work_order_number_taken", "A work order of this number was registered outside your jurisdiction.")
                : new WorkOrderReceipt(orderNumber, earlier.PetitionId, earlier.PetitionNumber, false);
        }

        var hotlineCaller = command.Caller;
        var petition = await petitions.RegisterAsync(
            new ReceivedPetition(
                line,
                [new ReceivedPetitioner(hotlineCaller.Name.Trim(), hotlineCaller.IdNumber, hotlineCaller.Phone)],
                1,
                command.Content.Trim(),
                command.Location?.Trim() ?? string.Empty,
                command.Category,
                command.RegionId,
                command.ReceivedAt,
                false,
                new PetitionReceiver(caller.UserId, caller.UnitId, caller.RegionPath ?? string.Empty)) { ChannelReference = orderNumber },
            cancellationToken);
        await session.ExecuteAsync(WorkOrderSql.Insert, new
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Line = line,
            OrderNumber = orderNumber,
            PetitionId = petition.Id,
            PetitionNumber = petition.Number,
            ClientId = caller.IsApiClient ? caller.UserId : null,
            command.DueAt,
            ReceivedAt = clock.GetUtcNow(),
        }, cancellationToken);
        return new WorkOrderReceipt(orderNumber, petition.Id, petition.Number, true);
    }
}

internal static class RegisterWorkOrderEndpoint
{
    public static void Map(IEndpointRouteBuilder integrations) =>
        integrations.MapPost("/work-orders", Handle)
            .WithName("RegisterHotlineWorkOrder")
            .WithDescription("The 12345 hotline platform pushes a work order: it is registered as a petition of the matching channel (hotline12345 or business_hotline) in the pushing client's jurisdiction, with the order number as its channel reference. The same order number pushed again registers nothing and answers the first petition with 200 instead of 201. Acceptance, reply and closure reach the platform as webhook events carrying the petition id answered here. 409 `work_order_number_taken` when the number was registered outside the client's jurisdiction.")
            .WithSummary("Registers a 12345 hotline work order as a petition, once per order number (the hotline platform's API client, scope petitions:write).")
            .RequireCapability(Capability.RegisterPetition)
            .RequireScope(ApiScopes.PetitionsWrite)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<WorkOrderReceipt>, Ok<WorkOrderReceipt>>> Handle(RegisterWorkOrder request, ISender sender, CancellationToken cancellationToken)
    {
        var receipt = await sender.Send(request, cancellationToken);
        return receipt.Registered
            ? TypedResults.Created($"/api/v1/petitions/{receipt.PetitionId}", receipt)
            : TypedResults.Ok(receipt);
    }
}
