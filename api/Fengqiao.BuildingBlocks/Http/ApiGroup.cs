using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>The route group every module maps its endpoints under; it checks the values that binding lets through.</summary>
public static class ApiGroup
{
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints, string tag) =>
        endpoints.MapGroup("/api/v1").WithTags(tag).AddEndpointFilterFactory(QueryValueChecks.Create);
}

/// <summary>
/// Checks, before any handler runs, the bound values no handler should see: <see cref="QueryEnumAttribute"/> strings
/// that name no value (an empty one among several too: <c>?flag=</c>), and days outside <see cref="EarliestDay"/>..
/// <see cref="LatestDay"/>, whose instants or day arithmetic would overflow (<c>?receivedTo=9999-12-31</c>). Either
/// answers 400 naming the parameter, for every endpoint of the group, present and future.
/// </summary>
public static class QueryValueChecks
{
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);
    public static readonly DateOnly LatestDay = new(2999, 12, 31);

    /// <summary>What a day outside <see cref="EarliestDay"/>..<see cref="LatestDay"/> answers, in a query or a body.</summary>
    public static readonly string DayOutOfRange = string.Create(CultureInfo.InvariantCulture, $"Give a day from {EarliestDay:yyyy-MM-dd} to {LatestDay:yyyy-MM-dd}.");

    internal static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var indexed = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Check: CheckOf(parameter), Index: index))
            .Where(p => p.Check is not null)
            .Select(p => (Check: p.Check!, p.Index))
            .ToList();
        if (indexed.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            var failures = indexed.Select(p => p.Check(invocation.Arguments[p.Index])).OfType<ValidationFailure>().ToList();
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            return next(invocation);
        };
    }

    private static Func<object?, ValidationFailure?>? CheckOf(ParameterInfo parameter)
    {
        var name = parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!;
        if (parameter.GetCustomAttribute<QueryEnumAttribute>() is { } queryEnum)
        {
            var names = QueryEnumAttribute.NamesOf(queryEnum.EnumType).ToFrozenSet(StringComparer.Ordinal);
            var expected = $"expected one of: {string.Join(", ", QueryEnumAttribute.NamesOf(queryEnum.EnumType))}.";
            return value => value switch
            {
                string single when single.Length > 0 && !names.Contains(single) => new ValidationFailure(name, $"Unknown value '{Shorten(single)}'; {expected}"),
                string[] many when many.FirstOrDefault(v => !names.Contains(v)) is { } bad =>
                    new ValidationFailure(name, bad.Length == 0 ? $"An empty value names nothing; leave it out or give one, {expected}" : $"Unknown value '{Shorten(bad)}'; {expected}"),
                _ => null,
            };
        }

        if (parameter.ParameterType == typeof(DateOnly) || parameter.ParameterType == typeof(DateOnly?))
        {
            return value => value is DateOnly day && (day < EarliestDay || day > LatestDay)
                ? new ValidationFailure(name, DayOutOfRange)
                : null;
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
