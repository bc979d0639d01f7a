using Fengqiao.BuildingBlocks.Auth;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Contracts.Intake;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.Intake.Petitions;

/// <summary>The subject taxonomy of DOMAIN §2, kept as data in intake_categories.</summary>
internal sealed record Category
{
    public required string Code { get; init; }

    public required string NameZh { get; init; }

    public required string NameEn { get; init; }
}

internal sealed record CategoryList(IReadOnlyList<Category> Items);

internal static class CategorySql
{
    public const string All = "SELECT code AS Code, name_zh AS NameZh, name_en AS NameEn FROM intake_categories ORDER BY sort_order";
}

internal sealed class PetitionCategories(IDbSession session) : IPetitionCategoryList
{
    public async Task<bool> ExistsAsync(string code, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(PetitionSql.CategoryExists, new { Code = code }, cancellationToken) > 0;

    public Task<IReadOnlyList<Category>> AllAsync(CancellationToken cancellationToken) =>
        session.QueryAsync<Category>(CategorySql.All, null, cancellationToken);

    public async Task<IReadOnlyList<PetitionCategory>> ListAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Select(c => new PetitionCategory(c.Code, c.NameZh, c.NameEn)).ToList();
}

internal sealed record ListCategories : IQuery<CategoryList>;

internal sealed class ListCategoriesHandler(PetitionCategories categories) : IQueryHandler<ListCategories, CategoryList>
{
    public async ValueTask<CategoryList> Handle(ListCategories query, CancellationToken cancellationToken) =>
        new(await categories.AllAsync(cancellationToken));
}

internal static class ListCategoriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/petition-categories", Handle)
            .WithName("ListPetitionCategories")
            .WithDescription("The subject taxonomy petitions are classified by (urban and rural construction, land and resources, labour and social security, ...), with Chinese and English names, in the order forms list them. Public because the online petition form offers the same list.")
            .WithSummary("Subject categories of petitions, in display order. Public: the online form needs them too.")
            .AllowAnonymous();

    private static async Task<Ok<CategoryList>> Handle(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListCategories(), cancellationToken));
}
