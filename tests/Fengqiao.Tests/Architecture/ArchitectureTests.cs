using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fengqiao.Tests.Support;
using Fengqiao.BuildingBlocks.Http;
using Mediator;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace Fengqiao.Tests.Architecture;

/// <summary>The rules of the house that a compiler does not check. Each was seen failing once (see the commit log).</summary>
public sealed partial class ArchitectureTests
{
    private static readonly Assembly[] Modules =
    [
        typeof(Fengqiao.Organization.OrganizationModule).Assembly,
        typeof(Fengqiao.Intake.IntakeModule).Assembly,
        typeof(Fengqiao.Dispatch.DispatchModule).Assembly,
        typeof(Fengqiao.Receptions.ReceptionsModule).Assembly,
        typeof(Fengqiao.Mediation.MediationModule).Assembly,
        typeof(Fengqiao.Suggestions.SuggestionsModule).Assembly,
        typeof(Fengqiao.Metrics.MetricsModule).Assembly,
        typeof(Fengqiao.Integrations.IntegrationsModule).Assembly,
    ];

    private static readonly string[] ModuleNames = ["Fengqiao.Organization", "Fengqiao.Intake", "Fengqiao.Dispatch", "Fengqiao.Receptions", "Fengqiao.Mediation", "Fengqiao.Suggestions", "Fengqiao.Metrics", "Fengqiao.Integrations"];

    private const string DemoData = "Fengqiao.DemoData";

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>), typeof(INotificationHandler<>),
    ];

    [TestCaseSource(nameof(Modules))]
    public void Module_DoesNotReferenceAnotherModule(Assembly module)
    {
        var others = ModuleNames.Where(n => n != module.GetName().Name).ToArray();
        var referenced = module.GetReferencedAssemblies().Select(a => a.Name).Where(others.Contains).ToList();
        Assert.That(referenced, Is.Empty, $"{module.GetName().Name} references other modules");

        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(others).GetResult();
        Assert.That(result.IsSuccessful, Is.True, Failing(result));
    }

    /// <summary>
    /// Endpoints get request delegates generated at compile time (EnableRequestDelegateGenerator in Directory.Build.props):
    /// built from expression trees at start instead, they cost every host about a second (docs/performance.md).
    /// </summary>
    [TestCaseSource(nameof(Modules))]
    public void Module_MapsItsEndpointsWithGeneratedRequestDelegates(Assembly module) =>
        Assert.That(
            module.GetTypes().Any(t => t.Namespace == "Microsoft.AspNetCore.Http.Generated"),
            Is.True,
            $"{module.GetName().Name} has no request delegates generated at compile time");

    /// <summary>Each module's own table prefix; the platform's tables (outbox, inbox, audit, idempotency, settings) carry none of these.</summary>
    private static readonly Dictionary<string, string> TablePrefixes = new()
    {
        ["Fengqiao.Organization"] = "org_",
        ["Fengqiao.Intake"] = "intake_",
        ["Fengqiao.Dispatch"] = "dispatch_",
        ["Fengqiao.Receptions"] = "receptions_",
        ["Fengqiao.Mediation"] = "mediation_",
        ["Fengqiao.Suggestions"] = "suggestions_",
        ["Fengqiao.Metrics"] = "metrics_",
        ["Fengqiao.Integrations"] = "integrations_",
    };

    /// <summary>Cross-module reads go through events or a Contracts interface, never another module's tables.</summary>
    [TestCaseSource(nameof(Modules))]
    public void ModuleSql_TouchesOnlyItsOwnTables(Assembly module)
    {
        var own = TablePrefixes[module.GetName().Name!];
        var foreign = Sql.SqlTexts.For(module, new Fengqiao.BuildingBlocks.Data.SqliteDialect())
            .SelectMany(text => ModuleTables(text.Sql).Where(table => !table.StartsWith(own, StringComparison.Ordinal)).Select(table => $"{text.Name}: {table}"))
            .Distinct()
            .ToList();
        Assert.That(foreign, Is.Empty, "SQL naming another module's tables");
    }

    [Test]
    public void ModuleSql_Rule_FindsAnotherModulesTable()
    {
        Assert.That(ModuleTables("SELECT p.id FROM intake_petitions p JOIN receptions_batches b ON b.petition_id = p.id"),
            Is.EquivalentTo(new[] { "intake_petitions", "receptions_batches" }));
    }

    private static IEnumerable<string> ModuleTables(string sql) =>
        TablePrefixes.Values.SelectMany(prefix => Regex.Matches(sql, $@"\b{prefix}[a-z0-9_]+").Select(m => m.Value));

    [Test]
    public void BuildingBlocksAndContracts_DoNotReferenceModules()
    {
        foreach (var assembly in new[] { typeof(Fengqiao.BuildingBlocks.Data.DbSession).Assembly, typeof(Fengqiao.Contracts.IIntegrationEvent).Assembly })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(ModuleNames).GetResult();
            Assert.That(result.IsSuccessful, Is.True, Failing(result));
        }
    }

    [TestCaseSource(nameof(Modules))]
    public void Handlers_AreSealedAndInternal(Assembly module)
    {
        var handlers = module.GetTypes()
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .ToList();
        Assert.That(handlers, Is.Not.Empty);
        var offenders = handlers.Where(t => !t.IsSealed || t.IsPublic).Select(t => t.FullName).ToList();
        Assert.That(offenders, Is.Empty, "handlers must be internal sealed");
    }

    [TestCaseSource(nameof(Modules))]
    public void Requests_AreSealedRecords(Assembly module)
    {
        var offenders = module.GetTypes()
            .Where(t => t.IsClass && typeof(IMessage).IsAssignableFrom(t))
            // An abstract base (the route fields every case command shares) is never sent itself; it stays internal.
            .Where(t => !(t.IsSealed || t.IsAbstract) || t.IsPublic)
            .Select(t => t.FullName)
            .ToList();
        Assert.That(offenders, Is.Empty, "requests must be internal sealed");
    }

    [Test]
    public void OnlyTheDemoDataProject_UnderApi_ReferencesBogus()
    {
        var referencing = ApiProjects().Where(project => PackageReferences(project).Contains("Bogus")).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.That(referencing, Is.EqualTo(new[] { DemoData }), "Bogus belongs in the demo data project; production assemblies do not carry it");
    }

    [Test]
    public void NoModule_NorBuildingBlocksOrContracts_ReferencesDemoData()
    {
        var referencing = ApiProjects()
            .Where(project => Path.GetFileNameWithoutExtension(project) is var name && name != DemoData && name != "Fengqiao.Api")
            .Where(project => ProjectReferences(project).Contains(DemoData))
            .Select(Path.GetFileNameWithoutExtension)
            .ToList();
        Assert.That(referencing, Is.Empty, "only the host (and the benchmarks) use the demo data; modules expose a seam to it instead");
        foreach (var assembly in Modules.Append(typeof(Fengqiao.BuildingBlocks.Data.DbSession).Assembly).Append(typeof(Fengqiao.Contracts.IIntegrationEvent).Assembly))
        {
            Assert.That(assembly.GetReferencedAssemblies().Select(a => a.Name), Has.None.EqualTo(DemoData).And.None.EqualTo("Bogus"), assembly.GetName().Name);
        }
    }

    [Test]
    public void ProgramCs_MapsNoEndpointsItself()
    {
        var program = File.ReadAllText(RepositoryPaths.Combine("api", "Fengqiao.Api", "Program.cs"));
        Assert.That(DirectMapping().Matches(program).Select(m => m.Value), Is.Empty,
            "Program.cs calls each module's MapX(); endpoints belong to modules or the host's own setup");
    }

    [Test]
    public void ProgramCs_Rule_CatchesADirectMapGet()
    {
        Assert.That(DirectMapping().IsMatch("app.MapGet(\"/x\", () => 1);"), Is.True);
        Assert.That(DirectMapping().IsMatch("app.MapOrganization();"), Is.False);
    }

    /// <summary>
    /// Who may call an endpoint is said once: by the capability table (<c>RequireCapability</c>, which <c>GET /me</c> answers
    /// from) or by the action rule of the object it changes (<c>CaseActions</c>, <c>PetitionActions</c>, which allowedActions
    /// answer from), never by a role list of the endpoint's own that the SPA could not know of.
    /// </summary>
    [Test]
    public void EndpointRoles_ComeFromTheCapabilityTableOrAnActionRule()
    {
        var offences = Directory.EnumerateFiles(RepositoryPaths.Combine("api"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") && Path.GetFileName(file) != "EndpointAuthorization.cs")
            .SelectMany(file => OwnRoleList().Matches(File.ReadAllText(file)).Select(match => $"{Path.GetFileName(file)}: {match.Value}"));
        Assert.That(offences, Is.Empty, "use RequireCapability(...) or RequireRoles(<Object>Actions.RolesFor(...))");
    }

    [Test]
    public void EndpointRoles_Rule_CatchesARoleListOfItsOwn()
    {
        Assert.That(OwnRoleList().IsMatch(".RequireRoles(Role.Admin)"), Is.True);
        Assert.That(OwnRoleList().IsMatch(".RequireRoles([Role.Admin, Role.Leader])"), Is.True);
        Assert.That(OwnRoleList().IsMatch("policy => policy.RequireRole(\"admin\")"), Is.True);
        Assert.That(OwnRoleList().IsMatch(".RequireRoles(CaseActions.RolesFor(action))"), Is.False);
        Assert.That(OwnRoleList().IsMatch(".RequireRoles(Capabilities.RolesOf(capability))"), Is.False);
        Assert.That(OwnRoleList().IsMatch(".RequireCapability(Capability.ViewAudit)"), Is.False);
    }

    /// <summary>Exports carry text the public typed in; only the shared writer neutralises formulas in it.</summary>
    [Test]
    public void Csv_IsWrittenOnlyThroughTheSharedWriter()
    {
        Assembly[] hostAndModules = [.. Modules, typeof(Program).Assembly];
        var referencingCsvHelper = hostAndModules.Where(a => a.GetReferencedAssemblies().Any(r => r.Name == "CsvHelper")).Select(a => a.GetName().Name);
        Assert.That(referencingCsvHelper, Is.Empty, "only BuildingBlocks' CsvExport may use CsvHelper");

        Type[] sharedWriter = [typeof(CsvExport), typeof(CsvExportEndpoints)];
        var writers = hostAndModules.Append(typeof(CsvExport).Assembly)
            .SelectMany(TypesNamingTheCsvMediaType)
            .Except(sharedWriter.Select(t => t.FullName!));
        Assert.That(writers, Is.Empty, "these types answer text/csv themselves; write CSV with CsvExport and declare it with ProducesCsv()");
    }

    [Test]
    public void Csv_Rule_FindsTheTypesNamingTheMediaType()
    {
        Assert.That(TypesNamingTheCsvMediaType(typeof(CsvExport).Assembly), Is.EquivalentTo(new[] { typeof(CsvExport).FullName, typeof(CsvExportEndpoints).FullName }));
    }

    /// <summary>The outermost types whose code (lambdas and async methods included) loads a string naming text/csv.</summary>
    private static IEnumerable<string> TypesNamingTheCsvMediaType(Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location);
        return module.GetTypes()
            .Where(type => type.Methods.Any(method => method.HasBody && method.Body.Instructions.Any(instruction =>
                instruction.OpCode == OpCodes.Ldstr && ((string)instruction.Operand).Contains("text/csv", StringComparison.OrdinalIgnoreCase))))
            .Select(Outermost)
            .Distinct()
            .ToList();

        static string Outermost(TypeDefinition type) => type.DeclaringType is null ? type.FullName : Outermost(type.DeclaringType);
    }

    private static IEnumerable<string> ApiProjects() => Directory.EnumerateFiles(RepositoryPaths.Combine("api"), "*.csproj", SearchOption.AllDirectories);

    private static List<string> PackageReferences(string project) =>
        XDocument.Load(project).Descendants("PackageReference").Select(e => (string?)e.Attribute("Include")).OfType<string>().ToList();

    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>().Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();

    private static string Failing(TestResult result) =>
        "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);

    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Methods|Group|Fallback\w*|HealthChecks|Controllers)?\s*\(")]
    private static partial Regex DirectMapping();

    [GeneratedRegex(@"\.RequireRoles?\((?!\w+Actions\.RolesFor\(|Capabilities\.RolesOf\()[^\r\n]*")]
    private static partial Regex OwnRoleList();
}
