using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.DemoData;

/// <summary>
/// Demo seeding for a first start, and the generators the benchmarks load with. The host calls it; no module
/// references it: it reaches each module through that module's one seeding or bulk-loading seam.
/// </summary>
public static class DemoDataModule
{
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddSingleton<DemoSeeder>();

    /// <summary>
    /// Into an empty database (unless <c>Demo:Seed</c> is false): the demo organisation and users, <c>Demo:Petitions</c>
    /// generated petitions while there are none, and cases in every state from the accepted ones while there are none.
    /// </summary>
    public static Task SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
}
