using Fengqiao.BuildingBlocks.Clock;
using Fengqiao.BuildingBlocks.Files;
using Fengqiao.BuildingBlocks.PersonalData;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;
using Fengqiao.Tests.Support;

namespace Fengqiao.Tests.Unit;

public sealed class IntakeRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly WorkCalendar Calendar = WorkCalendar.LoadFromDirectory(RepositoryPaths.Combine("api", "Fengqiao.Api", "WorkCalendar"));

    private static IntakeRules Rules(string name) => IntakeRules.From(RuleSetFiles.Active(name));

    [TestCase("11010519491231002X", true, TestName = "The GB 11643 example with check character X")]
    [TestCase("110105194912310021", false, TestName = "Same number with a wrong check digit")]
    [TestCase("11010519491331002X", false, TestName = "Month 13 is not a birth date")]
    [TestCase("11010520991231002X", false, TestName = "Birth in the future")]
    [TestCase("1101051949123100", false, TestName = "Too short")]
    public void IdNumbers_FollowGb11643(string idNumber, bool valid)
    {
        Assert.That(IdentityNumbers.IsValidIdNumber(idNumber, Today), Is.EqualTo(valid));
    }

    [TestCase("13812345678", true)]
    [TestCase("0575-88123456", true)]
    [TestCase("057588123456", true)]
    [TestCase("12812345678", false)]
    [TestCase("88123456", false)]
    public void Phones_AreMainlandMobilesOrLandlinesWithAreaCode(string phone, bool valid)
    {
        Assert.That(IdentityNumbers.IsValidPhone(phone), Is.EqualTo(valid));
    }

    [Test]
    public void Masks_KeepOnlyWhatIdentifiesNothing()
    {
        Assert.That(PersonalDataProtector.MaskIdNumber("330602198001011234"), Is.EqualTo("330602********1234"));
        Assert.That(PersonalDataProtector.MaskPhone("13812345678"), Is.EqualTo("138****5678"));
    }

    [Test]
    public void AcceptanceDeadline_National15CalendarDays_Zhejiang5WorkingDays()
    {
        var received = new DateOnly(2026, 9, 28);
        Assert.That(Rules("national").AcceptanceDue(received, Calendar), Is.EqualTo(new DateOnly(2026, 10, 13)));
        // Zhejiang: 09-29 (1), 09-30 (2), 10-01..07 off, 10-08 (3), 10-09 (4), make-up Saturday 10-10 (5).
        Assert.That(Rules("zhejiang").AcceptanceDue(received, Calendar), Is.EqualTo(new DateOnly(2026, 10, 10)));
    }

    [TestCase("national", 8, 5)]
    [TestCase("zhejiang", 8, 3)]
    [TestCase("zhejiang", 10, 3)]
    [TestCase("zhejiang", 11, 5)]
    public void RepresentativeLimits_FollowTheRuleSet(string ruleSet, int persons, int maxRepresentatives)
    {
        Assert.That(Rules(ruleSet).MaxRepresentatives(persons), Is.EqualTo(maxRepresentatives));
    }

    [Test]
    public void TextSignature_SimilarTextsScoreHigh_UnrelatedLow()
    {
        var a = TextSignature.Compute("小区地下车库长期积水，要求物业和住建部门尽快整改排水设施");
        var b = TextSignature.Compute("小区地下车库长期积水！要求物业、住建部门尽快整改排水设施。");
        var c = TextSignature.Compute("拖欠农民工工资三个月未发放，请求劳动监察部门督促企业支付");
        Assert.That(TextSignature.Similarity(a, b), Is.GreaterThan(0.8));
        Assert.That(TextSignature.Similarity(a, c), Is.LessThan(0.3));
        Assert.That(TextSignature.BandKeys(a).Intersect(TextSignature.BandKeys(b)), Is.Not.Empty);
        Assert.That(TextSignature.Decode(TextSignature.Encode(a)), Is.EqualTo(a));
    }

    private const string City = "/330600/";
    private const string District = "/330600/330602/";
    private const string Town = "/330600/330602/330602001/";
    private const string Village = "/330600/330602/330602001/330602001001/";

    private static readonly Dictionary<string, string> RegionNames = new()
    {
        [City] = "绍兴市", [District] = "越城区", [Town] = "府山街道", [Village] = "西小路社区",
    };

    /// <summary>Art 20¶1: the owner or one level up is no skip; two levels up is, for visits; letters and calls are forwarded down.</summary>
    [TestCase("visit", Village, Town, false, TestName = "Visit: a village matter at its town is no skip")]
    [TestCase("visit", Village, District, false, TestName = "Visit: a village matter one level above its town is no skip")]
    [TestCase("visit", Village, City, true, TestName = "Visit: a village matter two levels above its town skips")]
    [TestCase("visit", Town, Town, false, TestName = "Visit: a town matter at the town is no skip")]
    [TestCase("visit", Town, District, false, TestName = "Visit: a town matter at the district is no skip")]
    [TestCase("visit", Town, City, true, TestName = "Visit: a town matter at the city skips")]
    [TestCase("visit", District, District, false, TestName = "Visit: a district matter at the district is no skip")]
    [TestCase("visit", District, City, false, TestName = "Visit: a district matter at the city is no skip")]
    [TestCase("visit", City, City, false, TestName = "Visit: a city matter at the city is no skip")]
    [TestCase("leader_reception", Town, City, true, TestName = "Leader reception: a town matter brought to the city skips")]
    [TestCase("phone", Town, District, false, TestName = "Phone: a town matter registered by a district bureau is no skip")]
    [TestCase("phone", Village, City, false, TestName = "Phone: a call to the city is forwarded down, no skip")]
    [TestCase("letter", Town, City, false, TestName = "Letter: a letter to the city is forwarded down, no skip")]
    [TestCase("hotline12345", Village, City, false, TestName = "12345: a work order at the city is no skip")]
    public void SkipLevel_FollowsArt20(string channel, string matter, string registrar, bool skips)
    {
        foreach (var ruleSet in new[] { "national", "zhejiang" })
        {
            var reasons = PetitionFlagging.Compute(SkipLevelInput(channel, matter, registrar), Rules(ruleSet));
            Assert.That(Flags(reasons).Contains(PetitionFlag.SkipLevel), Is.EqualTo(skips), ruleSet);
        }
    }

    [Test]
    public void SkipLevel_CountsFromTheHighestLevelThatHandledTheMatter()
    {
        var rules = Rules("national");
        var handledByDistrict = new EarlierPetition(Guid.NewGuid(), "越城-2026-000001", District, true, 1);
        var handledByTown = new EarlierPetition(Guid.NewGuid(), "越城-2026-000002", Town, true, 1);
        var elsewhere = new EarlierPetition(Guid.NewGuid(), "柯桥-2026-000003", "/330600/330603/", true, 1);

        Assert.That(Flags(PetitionFlagging.Compute(SkipLevelInput("visit", Village, City, handledByDistrict), rules)), Does.Not.Contain(PetitionFlag.SkipLevel));
        Assert.That(Flags(PetitionFlagging.Compute(SkipLevelInput("visit", Village, City, handledByTown), rules)), Does.Contain(PetitionFlag.SkipLevel));
        Assert.That(Flags(PetitionFlagging.Compute(SkipLevelInput("visit", Village, City, elsewhere), rules)), Does.Contain(PetitionFlag.SkipLevel),
            "a petition registered in another district did not bring the matter up this one's chain");
    }

    [Test]
    public void SkipLevel_ReasonNamesTheOwningAndTheRegisteringRegion()
    {
        var reason = PetitionFlagging.Compute(SkipLevelInput("visit", Village, City), Rules("national")).Single(r => r.Flag == PetitionFlag.SkipLevel);
        Assert.That(reason.Code, Is.EqualTo("registered_above_owning_level"));
        Assert.That(reason.Related, Is.EqualTo(new[] { "府山街道", "绍兴市" }));
    }

    [Test]
    public void SkipLevel_ChannelsAndAllowanceAreRuleSetData()
    {
        var rules = Rules("national");
        var strict = rules with { SkipLevel = rules.SkipLevel with { LevelsAboveAllowed = 0 } };
        var lettersToo = rules with { SkipLevel = rules.SkipLevel with { Channels = ["visit", "letter"] } };
        Assert.That(Flags(PetitionFlagging.Compute(SkipLevelInput("visit", Town, District), strict)), Does.Contain(PetitionFlag.SkipLevel));
        Assert.That(Flags(PetitionFlagging.Compute(SkipLevelInput("letter", Town, City), lettersToo)), Does.Contain(PetitionFlag.SkipLevel));
    }

    private static FlagInput SkipLevelInput(string channel, string matter, string registrar, params EarlierPetition[] earlier) =>
        new(Enum.GetValues<Channel>().Single(c => Fengqiao.BuildingBlocks.Http.QueryEnum.ToSnakeCase(c) == channel), "other", 1, false, false, matter, registrar, earlier, RegionNames);

    [Test]
    public void Collective_FromTheRuleSetThreshold()
    {
        var input = new FlagInput(Channel.Visit, "other", 5, false, false, District, District, [], RegionNames);
        Assert.That(Flags(PetitionFlagging.Compute(input, Rules("national"))), Does.Contain(PetitionFlag.Collective).And.Contain(PetitionFlag.FirstTime));
        Assert.That(Flags(PetitionFlagging.Compute(input with { Persons = 4 }, Rules("national"))), Does.Not.Contain(PetitionFlag.Collective));
    }

    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "image/jpeg")]
    [TestCase(new byte[] { 0x49, 0x44, 0x33, 3, 0, 0 }, "audio/mpeg")]
    [TestCase(new byte[] { 0x4D, 0x5A, 0x90, 0, 3, 0 }, null)]
    [TestCase(new byte[] { 0x50, 0x4B, 3, 4, 0, 0 }, null)]
    public void FileTypes_AreReadFromTheContent(byte[] head, string? expected)
    {
        using var stream = new MemoryStream(head);
        Assert.That(FileTypes.Detect(stream), Is.EqualTo(expected));
    }

    [Test]
    public void FileTypes_RecogniseADocxInsideItsZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        Assert.That(FileTypes.Detect(stream), Is.EqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    [TestCase("越城区", "越城")]
    [TestCase("诸暨市", "诸暨")]
    [TestCase("新昌县", "新昌")]
    [TestCase("绍兴", "绍兴")]
    public void PetitionNumbers_UseTheDistrictsShortName(string district, string prefix)
    {
        Assert.That(PetitionNumbers.ShortName(district), Is.EqualTo(prefix));
    }

    private static List<PetitionFlag> Flags(IReadOnlyList<FlagReason> reasons) => reasons.Select(r => r.Flag).ToList();
}
