using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.BuildingBlocks.Validation;

public static class ValidatorRegistration
{
    /// <summary>
    /// Registers a module's validators. Most are stateless and are built once; those whose constructors
    /// take anything but the clock (the active rule set, which an admin can change) are built per request
    /// so a singleton never captures a scoped service.
    /// </summary>
    public static IServiceCollection AddModuleValidators(this IServiceCollection services, Assembly assembly)
    {
        // A rule's checks run in order and stop at the first failure: `NotEmpty().Must(p => Normalise(p))` never hands
        // the later check a null the earlier one refused (FluentValidation runs them all by default, and that was a 500).
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton,
            scan => IsStateless(scan.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped,
            scan => !IsStateless(scan.ValidatorType), includeInternalTypes: true);
        return services;
    }

    private static bool IsStateless(Type validatorType) =>
        validatorType.GetConstructors()
            .All(constructor => constructor.GetParameters().All(p => p.ParameterType == typeof(TimeProvider)));
}
