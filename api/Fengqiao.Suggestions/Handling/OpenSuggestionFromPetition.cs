using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Outbox;
using Fengqiao.Contracts.Intake;
using Fengqiao.Contracts.Organization;

namespace Fengqiao.Suggestions.Handling;

/// <summary>
/// A petition classified as a suggestion (建议意见, Art 29) opens a suggestion linked to it, awaiting screening. The petitioner follows
/// it as their petition, so it gets no secret of its own and carries none of their personal data. Once per petition, even if the
/// event came twice past the inbox.
/// </summary>
internal sealed class OpenSuggestionFromPetition(IDbSession session, IOrganizationDirectory directory, SuggestionWriter writer)
    : IIntegrationEventConsumer<PetitionConvertedToSuggestion>
{
    /// <summary>The title is the petition's first words; staff read the whole text below it.</summary>
    public const int TitleLength = 60;

    public async Task HandleAsync(PetitionConvertedToSuggestion converted, CancellationToken cancellationToken)
    {
        if (await session.QuerySingleOrDefaultAsync<Guid?>(SuggestionSql.ByPetition, new { converted.PetitionId }, cancellationToken) is not null)
        {
            return;
        }

        var region = await directory.FindRegionAsync(converted.RegionId, cancellationToken)
            ?? throw new InvalidOperationException($"Petition {converted.Number} names region {converted.RegionId}, which the organisation does not know.");
        await writer.AddAsync(
            new NewSuggestion(SuggestionChannel.Petition, null, region, TitleOf(converted.Text, converted.Number), converted.Text, null, null, converted.PetitionId,
                converted.Number, null, converted.OccurredAt),
            withSecret: false,
            cancellationToken);
    }

    public static string TitleOf(string text, string number)
    {
        var firstLine = text.Trim().Split('\n', 2)[0].Trim();
        return firstLine.Length == 0 ? number : firstLine.Length <= TitleLength ? firstLine : firstLine[..TitleLength] + "…";
    }
}
