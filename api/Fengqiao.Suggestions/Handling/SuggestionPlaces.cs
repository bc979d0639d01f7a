using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.Contracts.Organization;
using Fengqiao.Suggestions.Topics;
using FluentValidation;

namespace Fengqiao.Suggestions.Handling;

/// <summary>What a suggestion says of itself and whom it is from, on the public form and at staff registration.</summary>
internal interface ISuggestionFields
{
    Guid? TopicId { get; }

    Guid? RegionId { get; }

    string Title { get; }

    string Content { get; }

    string? Name { get; }

    string? Phone { get; }
}

/// <summary>The checks a suggestion's text and contact pass: name and phone are optional (a reply needs them), the region is the topic's when on one.</summary>
internal abstract class SuggestionFieldsValidator<T> : AbstractValidator<T>
    where T : ISuggestionFields
{
    protected SuggestionFieldsValidator()
    {
        RuleFor(c => c.RegionId).NotEmpty().When(c => c.TopicId is null).WithMessage("Say where the suggestion concerns, or suggest on a topic.");
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Content).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Name).MaximumLength(50);
        RuleFor(c => c.Phone).Must(p => IdentityNumbers.IsValidPhone(IdentityNumbers.NormalisePhone(p!))).When(c => !string.IsNullOrWhiteSpace(c.Phone))
            .WithMessage("Not a mainland mobile (1xxxxxxxxxx) or landline with area code (0xxx-xxxxxxxx).");
    }
}

/// <summary>Where a suggestion belongs: its topic, if any, and its region (within the topic's, the topic's own by default).</summary>
internal sealed record SuggestionPlace(TopicRow? Topic, RegionSnapshot Region);

internal sealed class SuggestionPlaces(IDbSession session, IOrganizationDirectory directory, ICurrentUser caller, TopicStore topics)
{
    /// <summary>For the public: a topic taking suggestions today (409 <c>topic_not_open</c> otherwise, 400 when no such public topic).</summary>
    public async Task<SuggestionPlace> ForPublicAsync(ISuggestionFields fields, CancellationToken cancellationToken)
    {
        TopicRow? topic = null;
        if (fields.TopicId is { } topicId)
        {
            topic = await session.QuerySingleOrDefaultAsync<TopicRow>(TopicSql.PublicById, new { Id = topicId }, cancellationToken)
                ?? throw SuggestionStore.Invalid(nameof(ISuggestionFields.TopicId), "No such topic.");
            if (!TopicLifecycle.TakesSuggestions(topic.Status, topic.OpensOn, topic.ClosesOn, topics.Today))
            {
                throw new ConflictException("topic_not_open", $"The topic takes suggestions from {topic.OpensOn:yyyy-MM-dd} to {topic.ClosesOn:yyyy-MM-dd} while published.");
            }
        }

        return new SuggestionPlace(topic, await RegionAsync(fields.RegionId, topic, null, cancellationToken));
    }

    /// <summary>For staff registering a letter or visit: a published topic and a region of their jurisdiction.</summary>
    public async Task<SuggestionPlace> ForStaffAsync(ISuggestionFields fields, CancellationToken cancellationToken)
    {
        TopicRow? topic = null;
        if (fields.TopicId is { } topicId)
        {
            topic = await topics.FindAsync(topicId, cancellationToken);
            if (topic is null || !TopicLifecycle.IsPublic(topic.Status))
            {
                throw SuggestionStore.Invalid(nameof(ISuggestionFields.TopicId), "No such published topic in your jurisdiction.");
            }
        }

        return new SuggestionPlace(topic, await RegionAsync(fields.RegionId, topic, caller.RegionPath, cancellationToken));
    }

    private async Task<RegionSnapshot> RegionAsync(Guid? regionId, TopicRow? topic, string? jurisdiction, CancellationToken cancellationToken)
    {
        var id = regionId ?? topic!.RegionId;
        var region = await directory.FindRegionAsync(id, cancellationToken);
        if (region is null || (jurisdiction is not null && !Jurisdiction.Contains(jurisdiction, region.Path)))
        {
            throw SuggestionStore.Invalid(nameof(ISuggestionFields.RegionId), jurisdiction is null ? "Unknown region." : "No such region in your jurisdiction.");
        }

        return topic is null || Jurisdiction.Contains(topic.RegionPath, region.Path)
            ? region
            : throw SuggestionStore.Invalid(nameof(ISuggestionFields.RegionId), "The place lies outside the topic's region.");
    }
}
