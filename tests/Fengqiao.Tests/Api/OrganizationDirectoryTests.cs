using Fengqiao.Contracts.Organization;
using Fengqiao.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Api;

/// <summary>The regions other modules read through the directory: each named with its district, found by path and by parent.</summary>
public sealed class OrganizationDirectoryTests
{
    private const string City = "/330600/";
    private const string District = "/330600/330602/";

    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public void Start() => _api = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task FindRegionsByPath_OneOrSeveral_FindsEach_WithItsDistrict_AndLeavesOutAPathNoRegionHas()
    {
        var town = (await ChildrenAsync(District))[0];

        var one = await DirectoryAsync(d => d.FindRegionsByPathAsync([District], CancellationToken.None));
        var several = await DirectoryAsync(d => d.FindRegionsByPathAsync([town.Path, City, District, "/330600/999999/"], CancellationToken.None));

        Assert.That(one.Select(r => (r.Path, r.Level, r.DistrictName)), Is.EqualTo(new[] { (District, "district", "越城区") }));
        Assert.That(several.Select(r => (r.Path, r.DistrictName)), Is.EqualTo(new[] { (City, null), (District, "越城区"), (town.Path, "越城区") }), "ordered by path");
        Assert.That(await DirectoryAsync(d => d.FindRegionsByPathAsync(["/330600/999999/"], CancellationToken.None)), Is.Empty);
    }

    [Test]
    public async Task ListChildRegions_OfTheCity_ADistrict_AndATown_NamesEachChildsDistrict()
    {
        var districts = await ChildrenAsync(City);
        var towns = await ChildrenAsync(District);
        var villages = await ChildrenAsync(towns[0].Path);

        Assert.That(districts.Select(r => r.DistrictName), Is.EqualTo(districts.Select(r => r.Name)), "a district is its own");
        Assert.That(districts.Select(r => r.Name), Does.Contain("越城区").And.Contain("柯桥区"));
        Assert.That(towns, Is.Not.Empty.And.All.Matches<RegionSnapshot>(t => t.DistrictName == "越城区" && t.Level == "town"));
        Assert.That(villages, Is.Not.Empty.And.All.Matches<RegionSnapshot>(v => v.DistrictName == "越城区" && v.Path.StartsWith(towns[0].Path, StringComparison.Ordinal)));
        Assert.That(towns.Select(t => t.Path), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<RegionSnapshot>> ChildrenAsync(string parentPath)
    {
        var parent = (await DirectoryAsync(d => d.FindRegionsByPathAsync([parentPath], CancellationToken.None))).Single();
        return await DirectoryAsync(d => d.ListChildRegionsAsync(parent.Id, CancellationToken.None));
    }

    private async Task<T> DirectoryAsync<T>(Func<IOrganizationDirectory, Task<T>> read)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>());
    }
}
