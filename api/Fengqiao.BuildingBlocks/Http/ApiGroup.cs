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
/// answers 400 naming the parameter, for every endpoint of the group, present and future. It names too the optional
/// values that did not parse (<c>?limit=abc</c>): the compile-time request delegates answer those with a bare 400
/// and leave the value null, where a required one throws the exception <see cref="Errors.ProblemExceptionHandler"/> names.
/// </summary>
public static class QueryValueChecks
{
    public static readonly DateOnly EarliestDay = new(1900, 1, 1);
    public static readonly DateOnly LatestDay = new(2999, 12, 31);

    /// <summary>What a day outside <see cref="EarliestDay"/>..<see cref="LatestDay"/> answers, in a query or a body.</summary>
    public static readonly string DayOutOfRange = string.Create(CultureInfo.InvariantCulture, $"Give a day from {EarliestDay:yyyy-MM-dd} to {LatestDay:yyyy-MM-dd}.");

    internal static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var indexed = parameters
            .Select((parameter, index) => (Check: CheckOf(parameter), Index: index))
            .Where(p => p.Check is not null)
            .Select(p => (Check: p.Check!, p.Index))
            .ToList();
        var optionalValues = parameters
            .Select((parameter, index) => (Read: RawValueOf(parameter), Name: NameOf(parameter), Index: index))
            .Where(p => p.Read is not null)
            .Select(p => (Read: p.Read!, p.Name, p.Index))
            .ToList();
        if (indexed.Count == 0 && optionalValues.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            if (invocation.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest)
            {
                var unparsed = optionalValues
                    .Where(p => invocation.Arguments[p.Index] is null && !string.IsNullOrEmpty(p.Read(invocation.HttpContext)))
                    .Select(p => new ValidationFailure(p.Name, Errors.ProblemExceptionHandler.UnboundValue))
                    .ToList();
                if (unparsed.Count > 0)
                {
                    throw new ValidationException(unparsed);
                }
            }

            var failures = indexed.Select(p => p.Check(invocation.Arguments[p.Index])).OfType<ValidationFailure>().ToList();
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            return next(invocation);
        };
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name ?? parameter.Name!;

    /// <summary>How to read the text of an optional value bound by parsing (<c>int? limit</c>, <c>Guid? regionId</c>): from its header, else from the route or the query.</summary>
    private static Func<HttpContext, string?>? RawValueOf(ParameterInfo parameter)
    {
        if (Nullable.GetUnderlyingType(parameter.ParameterType) is null
            || parameter.IsDefined(typeof(FromBodyAttribute)) || parameter.IsDefined(typeof(FromServicesAttribute)) || parameter.IsDefined(typeof(FromFormAttribute)))
        {
            return null;
        }

        var name = NameOf(parameter);
        if (parameter.IsDefined(typeof(FromHeaderAttribute)))
        {
            return context => context.Request.Headers[name];
        }

        return context => context.Request.RouteValues.TryGetValue(name, out var routeValue) ? routeValue?.ToString() : context.Request.Query[name];
    }

    private static Func<object?, ValidationFailure?>? CheckOf(ParameterInfo parameter)
    {
        var name = NameOf(parameter);
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
