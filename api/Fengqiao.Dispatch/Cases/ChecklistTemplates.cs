using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Dispatch.Rules;

namespace Fengqiao.Dispatch.Cases;

/// <summary>Copies the rule set's closure checklist onto a new case, so later edits of the template do not change open cases.</summary>
internal sealed class ChecklistTemplates(IDbSession session)
{
    public async Task CreateAsync(Guid caseId, IReadOnlyList<ChecklistItemTemplate> items, CancellationToken cancellationToken)
    {
        for (var ordinal = 0; ordinal < items.Count; ordinal++)
        {
            var item = items[ordinal];
            await session.ExecuteAsync(
                CaseSql.InsertChecklistItem,
                new
                {
                    CaseId = caseId,
                    ItemKey = item.Key,
                    Ordinal = ordinal,
                    LabelZh = item.Label.GetValueOrDefault("zh-CN") ?? item.Key,
                    LabelEn = item.Label.GetValueOrDefault("en") ?? item.Key,
                },
                cancellationToken);
        }
    }
}
