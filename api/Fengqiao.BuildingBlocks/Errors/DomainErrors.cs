namespace Fengqiao.BuildingBlocks.Errors;

/// <summary>The object does not exist or lies outside the caller's jurisdiction; both answer 404 alike.</summary>
public sealed class NotFoundException(string objectType) : Exception($"{objectType} was not found.")
{
    public string ObjectType { get; } = objectType;
}

/// <summary>The request is valid but the object's current state does not allow it (409).</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The caller's If-Match names a version that is no longer current (412).</summary>
public sealed class PreconditionFailedException(long currentVersion)
    : Exception("The object was changed by someone else; reload it and try again.")
{
    public long CurrentVersion { get; } = currentVersion;
}

/// <summary>An update of a versioned object came without If-Match (428).</summary>
public sealed class PreconditionRequiredException()
    : Exception("This update needs an If-Match header carrying the ETag of the version you read.");

/// <summary>The caller may see the object, but their unit, role or reach may not take this step on it (403).</summary>
public sealed class ForbiddenException(string message, string? code = null) : Exception(message)
{
    /// <summary>Names the refusal for clients that explain it, e.g. <c>cannot_change_own_roles</c>.</summary>
    public string? Code { get; } = code;
}
