using Fengqiao.BuildingBlocks.Http;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Dispatch.Cases;

/// <summary>A progress note, marked internal or public: public notes reach the petitioner, internal ones never do.</summary>
internal sealed record AddCaseNote(string Text, bool IsPublic) : CaseCommand;

internal sealed class AddCaseNoteValidator : AbstractValidator<AddCaseNote>
{
    public AddCaseNoteValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(4000);
}

internal sealed class AddCaseNoteHandler(CaseStore store) : ICommandHandler<AddCaseNote, EntityVersion>
{
    public async ValueTask<EntityVersion> Handle(AddCaseNote command, CancellationToken cancellationToken)
    {
        var before = await store.GetForChangeAsync(command, CaseAction.AddNote, cancellationToken);
        var version = await store.SaveAsync(before, before, command.IsPublic ? "case.public_note_added" : "case.internal_note_added", cancellationToken);
        await store.AddTimelineAsync(before, CaseEventKind.Note, command.IsPublic, command.Text.Trim(), cancellationToken);
        return new EntityVersion(before.Id, version);
    }
}

internal static class AddCaseNoteEndpoint
{
    public static void Map(IEndpointRouteBuilder cases) =>
        cases.MapCaseChange<AddCaseNote>(CaseAction.AddNote, "notes", "AddCaseNote", "Adds a progress note, internal or visible to the petitioner.")
            .WithDescription("Records a progress note on the case: an internal note stays with the handling units, a public one also appears on the petitioner's tracking page. 409 when the case's state does not allow it (`allowedActions` of the case says what does).");
}
