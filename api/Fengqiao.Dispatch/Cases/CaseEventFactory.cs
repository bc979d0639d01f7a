using Fengqiao.BuildingBlocks.Http;

namespace Fengqiao.Dispatch.Cases;

/// <summary>The fields every case event repeats, taken from the case as saved.</summary>
internal readonly record struct CaseEventHeader(Guid EventId, DateTimeOffset OccurredAt, Guid CaseId, Guid PetitionId, string Kind, string RegionPath, Guid? LeadUnitId)
{
    public static CaseEventHeader Of(CaseRow row, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), now, row.Id, row.PetitionId, row.Kind.ToSnakeCase(), row.RegionPath, row.LeadUnitId);
}
