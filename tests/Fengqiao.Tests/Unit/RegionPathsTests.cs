using Fengqiao.BuildingBlocks.Auth;

namespace Fengqiao.Tests.Unit;

public sealed class RegionPathsTests
{
    private const string City = "/330600/";
    private const string District = "/330600/330602/";
    private const string Town = "/330600/330602/330602001/";
    private const string Village = "/330600/330602/330602001/330602001001/";

    [TestCase(City, RegionLevel.City)]
    [TestCase(District, RegionLevel.District)]
    [TestCase(Town, RegionLevel.Town)]
    [TestCase(Village, RegionLevel.Village)]
    public void LevelOf_CountsTheCodes(string path, RegionLevel level) =>
        Assert.That(RegionPaths.LevelOf(path), Is.EqualTo(level));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("/330600/330602/330602001/330602001001/1/")]
    public void LevelOf_AnythingElse_IsNull(string? path) =>
        Assert.That(RegionPaths.LevelOf(path), Is.Null);

    [TestCase(Village, RegionLevel.District, District)]
    [TestCase(Village, RegionLevel.Town, Town)]
    [TestCase(Village, RegionLevel.Village, Village)]
    [TestCase(Town, RegionLevel.Town, Town)]
    [TestCase(Town, RegionLevel.District, District)]
    [TestCase(District, RegionLevel.Town, null)]
    [TestCase(City, RegionLevel.District, null)]
    [TestCase(City, RegionLevel.City, City)]
    public void AncestorAt_IsThePrefixAtThatLevel(string path, RegionLevel level, string? ancestor) =>
        Assert.That(RegionPaths.AncestorAt(path, level), Is.EqualTo(ancestor));

    [Test]
    public void Lineage_RunsFromTheRootDownToTheRegion()
    {
        Assert.That(RegionPaths.Lineage(Village), Is.EqualTo(new[] { City, District, Town, Village }));
        Assert.That(RegionPaths.Lineage(City), Is.EqualTo(new[] { City }));
    }

    [Test]
    public void ChildAndRoot_BuildPaths() =>
        Assert.That(RegionPaths.Child(RegionPaths.Child(RegionPaths.Root("330600"), "330602"), "330602001"), Is.EqualTo(Town));
}
