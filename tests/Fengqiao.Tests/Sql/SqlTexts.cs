using System.Reflection;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.Metrics.Indicators;

namespace Fengqiao.Tests.Sql;

/// <summary>
/// Every query text the code can run, found by convention so new queries are covered without listing them:
/// constants and read-only string fields of static classes named *Sql, and their static methods that take the dialect (returning one text or a set of named texts).
/// </summary>
internal static class SqlTexts
{
    public static readonly Assembly[] CodeAssemblies =
    [
        typeof(DbSession).Assembly,
        typeof(Fengqiao.Organization.OrganizationModule).Assembly,
        typeof(Fengqiao.Intake.IntakeModule).Assembly,
        typeof(Fengqiao.Dispatch.DispatchModule).Assembly,
        typeof(Fengqiao.Receptions.ReceptionsModule).Assembly,
        typeof(Fengqiao.Mediation.MediationModule).Assembly,
        typeof(Fengqiao.Suggestions.SuggestionsModule).Assembly,
        typeof(Fengqiao.Metrics.MetricsModule).Assembly,
        typeof(Fengqiao.Integrations.IntegrationsModule).Assembly,
    ];

    public static IEnumerable<(string Name, string Sql)> For(ISqlDialect dialect) =>
        CodeAssemblies.SelectMany(assembly => For(assembly, dialect)).Concat(NarrowedIndicatorStatements(dialect));

    /// <summary>The indicators' flows statements as the code narrows them at run time to the counters of the figures asked for.</summary>
    private static IEnumerable<(string Name, string Sql)> NarrowedIndicatorStatements(ISqlDialect dialect)
    {
        var sums = IndicatorDefinitions.InputsOf(["resolution_rate", "satisfaction_rate"]);
        foreach (var (name, sql) in For(typeof(IndicatorSql).Assembly, dialect).Where(q => q.Name.StartsWith($"{nameof(IndicatorSql)}.", StringComparison.Ordinal)))
        {
            var narrowed = IndicatorSql.Narrow(sql, sums);
            if (narrowed != sql)
            {
                yield return ($"{name} narrowed", narrowed);
            }
        }
    }

    public static IEnumerable<(string Name, string Sql)> For(Assembly assembly, ISqlDialect dialect)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.Name.EndsWith("Sql", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.IsPublic))
            {
                yield return ($"{type.Name}.{field.Name}", (string)field.GetRawConstantValue()!);
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsInitOnly && f.FieldType == typeof(string)))
            {
                yield return ($"{type.Name}.{field.Name}", (string)field.GetValue(null)!);
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                         .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ISqlDialect)))
            {
                yield return ($"{type.Name}.{method.Name}", (string)method.Invoke(null, [dialect])!);
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                         .Where(m => m.ReturnType == typeof(IReadOnlyDictionary<string, string>) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ISqlDialect)))
            {
                foreach (var (key, sql) in (IReadOnlyDictionary<string, string>)method.Invoke(null, [dialect])!)
                {
                    yield return ($"{type.Name}.{method.Name}[{key}]", sql);
                }
            }
        }
    }
}
