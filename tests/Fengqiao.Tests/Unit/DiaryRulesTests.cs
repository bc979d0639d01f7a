using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Suggestions.Diary;

namespace Fengqiao.Tests.Unit;

public sealed class DiaryRulesTests
{
    private static DiarySignature Entry(int n, string household, string text) => new(new Guid(n, 0, 0, new byte[8]), household, TextSignature.Compute(text));

    [Test]
    public void Cluster_GroupsSimilarEntries_ThroughAChain_AndLeavesUnrelatedOnesAlone()
    {
        var road = Entry(1, "王建国", "村东头道路年久失修，雨天积水严重，村民出行困难，希望尽快修缮道路");
        var roadAgain = Entry(2, "李秀英", "村东头道路年久失修，雨天积水严重，老人孩子出行困难，希望修缮道路");
        var roadThird = Entry(3, "张三", "村东头道路年久失修，雨天积水很严重，村民出行困难，要求尽快修缮道路");
        var welfare = Entry(4, "赵大妈", "低保申请材料已交三个月没有回音，想了解办理进度");
        var entries = new[] { road, roadAgain, roadThird, welfare };
        var pairs = new[] { (road.EntryId, roadAgain.EntryId), (roadAgain.EntryId, roadThird.EntryId), (road.EntryId, welfare.EntryId) };

        var clusters = DiaryRules.Cluster(entries, pairs);

        Assert.That(clusters, Has.Count.EqualTo(1));
        Assert.That(clusters[0], Is.EquivalentTo(new[] { road.EntryId, roadAgain.EntryId, roadThird.EntryId }), "a band-key pair is scored before it joins");
    }

    [Test]
    public void Cluster_NeedsACandidatePair_NotJustSimilarText()
    {
        var a = Entry(1, "甲", "村口路灯损坏多日，夜间出行不安全");
        var b = Entry(2, "乙", "村口路灯损坏多日，夜间出行很不安全");
        Assert.That(DiaryRules.Cluster([a, b], []), Is.Empty);
        Assert.That(DiaryRules.Cluster([a, b], [(a.EntryId, b.EntryId)]), Has.Count.EqualTo(1));
    }

    [Test]
    public void Households_NamedAlike_CountOnce()
    {
        Assert.That(DiaryRules.CountHouseholds(["王建国", "王 建国", "李秀英", "wang jianguo", "Wang Jianguo"]), Is.EqualTo(3));
    }

    [TestCase(DiaryEntryKind.Visit, "door_to_door_visit")]
    [TestCase(DiaryEntryKind.GroupMessage, "social_group")]
    public void AnEntryBecomesAPetition_OfItsChannel(DiaryEntryKind kind, string channel) =>
        Assert.That(DiaryRules.PetitionChannelOf(kind), Is.EqualTo(channel));

    [Test]
    public void AMatter_IsTheSocialGroups_OnlyWhenEveryEntryIsAGroupMessage()
    {
        Assert.That(DiaryRules.KindOfMatter([DiaryEntryKind.GroupMessage, DiaryEntryKind.GroupMessage]), Is.EqualTo(DiaryEntryKind.GroupMessage));
        Assert.That(DiaryRules.KindOfMatter([DiaryEntryKind.GroupMessage, DiaryEntryKind.Visit]), Is.EqualTo(DiaryEntryKind.Visit));
        Assert.That(DiaryRules.KindOfMatter([DiaryEntryKind.Visit, DiaryEntryKind.Visit]), Is.EqualTo(DiaryEntryKind.Visit));
    }

    [Test]
    public void AMattersFacts_NameTheChatGroupOfEachMessage_AndAreCutToTheirLength()
    {
        var day = new DateOnly(2026, 12, 1);
        var facts = DiaryRules.FactsOfMatter(
            [(day, "孙大伯", DiaryEntryKind.GroupMessage, "府山村民情微群", "建议开办老年食堂"), (day.AddDays(1), "钱阿婆", DiaryEntryKind.Visit, null, "希望有老年食堂")], 8000);
        Assert.That(facts, Is.EqualTo("2026-12-01 孙大伯（府山村民情微群）：建议开办老年食堂\n2026-12-02 钱阿婆：希望有老年食堂"));
        Assert.That(DiaryRules.FactsOfMatter([(day, "孙大伯", DiaryEntryKind.Visit, null, new string('路', 100))], 20), Has.Length.EqualTo(20));
        Assert.That(DiaryRules.Told(DiaryEntryKind.GroupMessage, "府山村民情微群", "建议开办老年食堂"), Is.EqualTo("府山村民情微群：建议开办老年食堂"));
        Assert.That(DiaryRules.Told(DiaryEntryKind.Visit, null, "建议开办老年食堂"), Is.EqualTo("建议开办老年食堂"));
    }
}
