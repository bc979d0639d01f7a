using Microsoft.AspNetCore.Builder;

namespace Fengqiao.BuildingBlocks.Http;

/// <summary>Marks an endpoint whose answers carry a secret (a tracking secret, or what only it unlocks).</summary>
public sealed class CarriesSecretMetadata
{
    internal static readonly CarriesSecretMetadata Instance = new();

    private CarriesSecretMetadata()
    {
    }
}

public static class SecretAnswers
{
    /// <summary>The host answers these endpoints with <c>Cache-Control: no-store</c>, so no browser or proxy keeps them.</summary>
    public static TBuilder CarriesSecret<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(CarriesSecretMetadata.Instance);
}
