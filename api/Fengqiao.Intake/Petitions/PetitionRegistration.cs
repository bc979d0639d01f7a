using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Http;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;
using Fengqiao.Intake.Routing;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.Intake.Petitions;

/// <summary>
/// <see cref="IPetitionRegistration"/> for the receptions module: the same validator and handlers as staff registration and
/// classification, run by the receiver (the reception's staff member, or the demo seeding's leader) within the caller's unit
/// of work, so numbers, flags, personal data, timeline, audit and events are exactly as for any petition.
/// </summary>
internal sealed class PetitionRegistration(
    IDbSession session,
    ICurrentUser caller,
    IOrganizationDirectory directory,
    PetitionRegistrar registrar,
    PetitionCategories categories,
    RoutingRules routing,
    IValidator<RegisterPetition> validator,
    IAuditLog audit,
    IEventPublisher events,
    TimeProvider clock) : IPetitionRegistration
{
    public async Task<PetitionReference?> FindReadableAsync(Guid petitionId, CancellationToken cancellationToken)
    {
        var reader = new PetitionReader(session, caller);
        var row = await session.QuerySingleOrDefaultAsync<PetitionRow>(PetitionSql.Get, reader.Parameters(new { Id = petitionId }), cancellationToken);
        return row is null ? null : Reference(row);
    }

    public async Task<PetitionReference> RegisterAsync(ReceivedPetition petition, CancellationToken cancellationToken)
    {
        var channel = QueryEnum.Parse<Channel>(petition.Channel, nameof(ReceivedPetition.Channel))
            ?? throw new ValidationException([new ValidationFailure(nameof(ReceivedPetition.Channel), "Name the channel.")]);
        var command = new RegisterPetition(
            channel,
            petition.Petitioners.Select(p => new PetitionerInput(p.Name, p.IdNumber, p.Phone, null, false)).ToList(),
            petition.Persons,
            petition.Request,
            petition.Facts,
            string.Empty,
            petition.Category,
            petition.RegionId,
            petition.ReceivedAt,
            petition.ChannelReference,
            petition.Urgent,
            false);
        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        var receiver = new ReceiverIdentity(petition.Receiver);
        var handler = new RegisterPetitionHandler(receiver, directory, registrar, categories, audit, events, new PetitionReader(session, receiver), clock);
        var registered = await handler.Handle(command, cancellationToken);
        var row = await new PetitionReader(session, receiver).GetAsync(registered.Id, cancellationToken);
        return Reference(row);
    }

    public async Task<bool> AcceptAsync(Guid petitionId, string notice, string instruction, PetitionReceiver receiver, CancellationToken cancellationToken)
    {
        var identity = new ReceiverIdentity(receiver);
        var reader = new PetitionReader(session, identity);
        var row = await reader.GetAsync(petitionId, cancellationToken);
        if (row.Status == PetitionStatus.Accepted)
        {
            return false;
        }

        var handler = new ClassifyPetitionHandler(session, identity, reader, routing, new Timeline(session, identity, directory, clock), audit, events, clock);
        await handler.Handle(
            new ClassifyPetition(Decision.Accept, null, notice, null) { PetitionId = row.Id, ExpectedVersion = row.Version, Instruction = instruction },
            cancellationToken);
        return true;
    }

    private static PetitionReference Reference(PetitionRow row) =>
        new(row.Id, row.Number, row.Status.ToSnakeCase(), row.RegionId, row.RegionPath, row.Category);

    /// <summary>
    /// The receiver acting as the petition bureau of their unit: registering and accepting within their region subtree, as a
    /// petition officer there would. The receptions module lets only leaders and petition officers record batches.
    /// </summary>
    private sealed class ReceiverIdentity(PetitionReceiver receiver) : ICurrentUser
    {
        public Guid? UserId => receiver.UserId;

        public Guid? UnitId => receiver.UnitId;

        public string? DisplayName => null;

        public string? RegionPath => receiver.RegionPath;

        public IReadOnlySet<Role> Roles { get; } = new HashSet<Role> { Role.PetitionOfficer };
    }
}
