using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Fengqiao.Api.Hosting;
using Fengqiao.BuildingBlocks.Audit;
using Fengqiao.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Fengqiao.Tests.Api;

/// <summary>
/// The audit trail is a hash chain: rows edited, removed or cut off in the database file are found by the verification
/// endpoint and the --verify-audit command. Each test tampers with the file and puts the row back afterwards.
/// </summary>
public sealed class AuditChainTests
{
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = new ApiFactory();
        using var admin = await _api.ClientForAsync("city.admin");
        var unitId = await UserAdminTests.UnitIdAsync(admin, "府山街道办事处");
        // Several commands at once: appends take turns on the chain head, so the chain never forks.
        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => admin.PostAsJsonAsync("/api/v1/users",
            new { userName = $"chain.user{i}", displayName = "链测试", password = "Chain-Password-2026", unitId, roles = new[] { "analyst" } })));
        Assert.That(created.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        await _api.TokenForAsync("town.handler");
    }

    [OneTimeTearDown]
    public void Stop() => _api.Dispose();

    [Test]
    public async Task Verification_OfAnUntouchedDatabase_IsIntact_CountingEveryEntry()
    {
        var report = await VerifyAsync();
        using var db = TestDatabase.Open(_api);
        var stored = long.Parse(TestDatabase.Strings(db, "SELECT COUNT(*) FROM audit_entries").Single());
        Assert.That(report["intact"]!.GetValue<bool>(), Is.True, report.ToJsonString());
        Assert.That(report["entries"]!.GetValue<long>(), Is.EqualTo(stored).And.GreaterThan(9));
        Assert.That(report["firstBreak"], Is.Null);

        var output = new StringWriter();
        Assert.That(await AuditVerificationCommand.RunAsync(_api.Services, output, CancellationToken.None), Is.True);
        Assert.That(output.ToString(), Does.StartWith($"Audit trail intact: {stored} entries verified"));
    }

    [Test]
    public async Task Verification_AfterAnEntryIsEditedInTheFile_NamesThatEntry()
    {
        using var db = TestDatabase.Open(_api);
        var (id, sequence) = EntryOf(db, "user.created");
        var original = Scalar(db, "SELECT after_json FROM audit_entries WHERE id = $id", id);
        Execute(db, "UPDATE audit_entries SET after_json = replace(after_json, 'analyst', 'admin') WHERE id = $id", id);
        try
        {
            var broken = (await VerifyAsync(intact: false))["firstBreak"]!;
            Assert.That(broken["entryId"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(broken["sequence"]!.GetValue<long>(), Is.EqualTo(sequence));
            Assert.That(broken["problem"]!.GetValue<string>(), Is.EqualTo("entry_changed"));
            Assert.That(broken["found"]!.GetValue<string>(), Is.EqualTo(Scalar(db, "SELECT entry_hash FROM audit_entries WHERE id = $id", id)));
            Assert.That(broken["expected"]!.GetValue<string>(), Does.Match("^[0-9a-f]{64}$").And.Not.EqualTo(broken["found"]!.GetValue<string>()));

            var output = new StringWriter();
            Assert.That(await AuditVerificationCommand.RunAsync(_api.Services, output, CancellationToken.None), Is.False);
            Assert.That(output.ToString(), Does.StartWith($"Audit trail broken at sequence {sequence} (entry {id}): EntryChanged"));
        }
        finally
        {
            Execute(db, "UPDATE audit_entries SET after_json = $value WHERE id = $id", id, original);
        }

        await VerifyAsync();
    }

    [Test]
    public async Task Verification_AfterAnEditedEntryIsRehashed_ReportsTheLinkAfterIt()
    {
        using var db = TestDatabase.Open(_api);
        var (id, sequence) = EntryOf(db, "user.created");
        var (originalJson, originalHash) = (Scalar(db, "SELECT after_json FROM audit_entries WHERE id = $id", id), Scalar(db, "SELECT entry_hash FROM audit_entries WHERE id = $id", id));
        Execute(db, "UPDATE audit_entries SET after_json = '{}' WHERE id = $id", id);
        Execute(db, "UPDATE audit_entries SET entry_hash = $value WHERE id = $id", id, RehashedEntry(db, id));
        try
        {
            var broken = (await VerifyAsync(intact: false))["firstBreak"]!;
            Assert.That(broken["sequence"]!.GetValue<long>(), Is.EqualTo(sequence + 1));
            Assert.That(broken["problem"]!.GetValue<string>(), Is.EqualTo("link_broken"));
            Assert.That(broken["found"]!.GetValue<string>(), Is.EqualTo(originalHash));
        }
        finally
        {
            Execute(db, "UPDATE audit_entries SET after_json = $value WHERE id = $id", id, originalJson);
            Execute(db, "UPDATE audit_entries SET entry_hash = $value WHERE id = $id", id, originalHash);
        }

        await VerifyAsync();
    }

    [Test]
    public async Task Verification_AfterAnEntryIsDeleted_ReportsTheMissingSequence()
    {
        using var db = TestDatabase.Open(_api);
        var (id, sequence) = EntryOf(db, "user.created");
        Execute(db, "CREATE TEMP TABLE removed AS SELECT * FROM audit_entries WHERE id = $id", id);
        Execute(db, "DELETE FROM audit_entries WHERE id = $id", id);
        try
        {
            var broken = (await VerifyAsync(intact: false))["firstBreak"]!;
            Assert.That(broken["sequence"]!.GetValue<long>(), Is.EqualTo(sequence));
            Assert.That(broken["problem"]!.GetValue<string>(), Is.EqualTo("entry_missing"));
            Assert.That(broken["found"]!.GetValue<string>(), Is.EqualTo((sequence + 1).ToString()));
        }
        finally
        {
            Execute(db, "INSERT INTO audit_entries SELECT * FROM temp.removed");
            Execute(db, "DROP TABLE temp.removed");
        }

        await VerifyAsync();
    }

    [Test]
    public async Task Verification_AfterTheLastEntryIsDeleted_ReportsTheHead()
    {
        using var db = TestDatabase.Open(_api);
        var last = long.Parse(TestDatabase.Strings(db, "SELECT MAX(sequence) FROM audit_entries").Single());
        Execute(db, "CREATE TEMP TABLE removed AS SELECT * FROM audit_entries WHERE sequence = $id", last);
        Execute(db, "DELETE FROM audit_entries WHERE sequence = $id", last);
        try
        {
            var broken = (await VerifyAsync(intact: false))["firstBreak"]!;
            Assert.That(broken["problem"]!.GetValue<string>(), Is.EqualTo("head_mismatch"));
            Assert.That(broken["expected"]!.GetValue<string>(), Does.StartWith($"{last}:"));
            Assert.That(broken["found"]!.GetValue<string>(), Does.StartWith($"{last - 1}:"));
        }
        finally
        {
            Execute(db, "INSERT INTO audit_entries SELECT * FROM temp.removed");
            Execute(db, "DROP TABLE temp.removed");
        }

        await VerifyAsync();
    }

    [Test]
    public async Task Verification_AfterTheNewestEntriesAreDeletedAndTheHeadWoundBack_ReportsWhereTheChainWasCut()
    {
        using var db = TestDatabase.Open(_api);
        var cut = WindBackTail(db, removed: 3);
        try
        {
            var broken = (await VerifyAsync(intact: false))["firstBreak"]!;
            Assert.That(broken["problem"]!.GetValue<string>(), Is.EqualTo("head_forged"));
            Assert.That(broken["sequence"]!.GetValue<long>(), Is.EqualTo(cut));

            var output = new StringWriter();
            Assert.That(await AuditVerificationCommand.RunAsync(_api.Services, output, CancellationToken.None), Is.False);
            Assert.That(output.ToString(), Does.StartWith($"Audit trail broken at sequence {cut}: HeadForged"));
        }
        finally
        {
            Execute(db, "INSERT INTO audit_entries SELECT * FROM temp.removed");
            Execute(db, "DELETE FROM platform_audit_chain_head");
            Execute(db, "INSERT INTO platform_audit_chain_head SELECT * FROM temp.head");
            Execute(db, "DROP TABLE temp.removed");
            Execute(db, "DROP TABLE temp.head");
        }

        await VerifyAsync();
    }

    [Test]
    public async Task Verification_AfterTheTailIsCutAndAppendsGoOn_StillReportsWhereTheChainWasCut()
    {
        using var api = new ApiFactory();
        using (var client = api.CreateClient())
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.analyst", password = "wrong-password-1" });
        }

        long cut;
        using (var db = TestDatabase.Open(api))
        {
            cut = WindBackTail(db, removed: 2);
        }

        // The next appends extend the wound-back head and seal it anew; the place where they found it unsealed stays under the seal.
        using (var client = api.CreateClient())
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "town.analyst", password = "wrong-password-2" });
        }

        using var admin = await api.ClientForAsync("city.admin");
        var report = await (await admin.GetAsync("/api/v1/audit/verification")).ShouldBeOkAsync<JsonObject>();
        Assert.That(report["intact"]!.GetValue<bool>(), Is.False, report.ToJsonString());
        Assert.That(report["firstBreak"]!["problem"]!.GetValue<string>(), Is.EqualTo("head_forged"));
        Assert.That(report["firstBreak"]!["sequence"]!.GetValue<long>(), Is.EqualTo(cut));
    }

    /// <summary>
    /// What someone with write access to the database would do to hide the newest entries: delete them and wind the head
    /// back to the entry left last. Keeps the rows and the head in temp tables; answers the sequence the chain now ends at.
    /// </summary>
    private static long WindBackTail(SqliteConnection db, int removed)
    {
        var cut = long.Parse(TestDatabase.Strings(db, "SELECT MAX(sequence) FROM audit_entries").Single()) - removed;
        Execute(db, "CREATE TEMP TABLE removed AS SELECT * FROM audit_entries WHERE sequence > $id", cut);
        Execute(db, "CREATE TEMP TABLE head AS SELECT * FROM platform_audit_chain_head");
        Execute(db, "DELETE FROM audit_entries WHERE sequence > $id", cut);
        Execute(db, "UPDATE platform_audit_chain_head SET last_sequence = $id, last_hash = (SELECT entry_hash FROM audit_entries WHERE sequence = $id)", cut);
        return cut;
    }

    private async Task<JsonObject> VerifyAsync(bool intact = true)
    {
        using var admin = await _api.ClientForAsync("city.admin");
        var report = await (await admin.GetAsync("/api/v1/audit/verification")).ShouldBeOkAsync<JsonObject>(HttpStatusCode.OK);
        Assert.That(report["intact"]!.GetValue<bool>(), Is.EqualTo(intact), report.ToJsonString());
        return report;
    }

    /// <summary>An entry in the middle of the chain: one of the users created at start.</summary>
    private static (string Id, long Sequence) EntryOf(SqliteConnection db, string action)
    {
        var row = TestDatabase.Strings(db, "SELECT id || ' ' || sequence FROM audit_entries WHERE action = $action ORDER BY sequence LIMIT 1", ("$action", action)).Single().Split(' ');
        return (row[0], long.Parse(row[1]));
    }

    /// <summary>What a forger who knows the hashing would store: the edited row's hash recomputed from its fields.</summary>
    private static string RehashedEntry(SqliteConnection db, string id)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT id, sequence, occurred_at, actor_user_id, actor_unit_id, actor_region_path, action, object_type, object_id,
                   discipline_only, before_json, after_json, trace_id, previous_hash
            FROM audit_entries WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        Guid? Id(int i) => reader.IsDBNull(i) ? null : Guid.Parse(reader.GetString(i));
        var row = new AuditRow
        {
            Id = Guid.Parse(reader.GetString(0)),
            Sequence = reader.GetInt64(1),
            OccurredAt = DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
            ActorUserId = Id(3),
            ActorUnitId = Id(4),
            ActorRegionPath = Text(5),
            Action = reader.GetString(6),
            ObjectType = reader.GetString(7),
            ObjectId = Id(8),
            DisciplineOnly = reader.GetInt64(9) == 1,
            BeforeJson = Text(10),
            AfterJson = Text(11),
            TraceId = Text(12),
            PreviousHash = Text(13),
            EntryHash = null,
        };
        return AuditChain.HashOf(row, row.Sequence!.Value, row.PreviousHash!);
    }

    private static string Scalar(SqliteConnection db, string sql, string id) =>
        TestDatabase.Strings(db, sql, ("$id", id)).Single();

    private static void Execute(SqliteConnection db, string sql, object? id = null, string? value = null)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
        }

        command.ExecuteNonQuery();
    }
}
