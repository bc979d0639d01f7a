using Fengqiao.BuildingBlocks.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fengqiao.Organization.Users;

/// <summary>The type the password hasher is keyed on; hashes do not depend on its contents.</summary>
internal sealed class UserAccount;

/// <summary>The PBKDF2 work factor, configurable so that a deployment can raise it as hardware gets faster.</summary>
internal sealed class PasswordHashingOptions
{
    public const string Section = "Passwords";

    /// <summary>OWASP's current figure for PBKDF2-HMAC-SHA512.</summary>
    public const int MinIterations = 210_000;

    /// <summary>Above the minimum by default; each hash costs about a third of a CPU second at this count.</summary>
    public int Iterations { get; set; } = 600_000;
}

/// <summary>ASP.NET Core's PBKDF2 password hasher (HMAC-SHA512) at the configured work factor; hashes made at another count still verify.</summary>
internal sealed class UserPasswords
{
    private static readonly UserAccount Account = new();
    private readonly PasswordHasher<UserAccount> _hasher;

    /// <summary>Verified against when the user name is unknown, so both answers take the same time.</summary>
    private readonly Lazy<string> _decoyHash;

    public UserPasswords(IOptions<PasswordHashingOptions> options)
    {
        _hasher = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.Iterations,
        }));
        _decoyHash = new Lazy<string>(() => Hash(Guid.NewGuid().ToString("N")));
    }

    public string Hash(string password) => _hasher.HashPassword(Account, password);

    public bool Verify(string? hash, string password)
    {
        var result = _hasher.VerifyHashedPassword(Account, hash ?? _decoyHash.Value, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}

internal static class UserRules
{
    public const int MinPasswordLength = 12;

    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(MinPasswordLength)
            .MaximumLength(128)
            .Must(p => p is not null && p.Any(char.IsLetter) && p.Any(char.IsDigit))
            .WithMessage("The password must contain letters and digits.");

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(100);

    public static IRuleBuilderOptions<T, IReadOnlyList<Role>> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<Role>> rule) =>
        rule.NotEmpty()
            .Must(roles => roles is null || roles.Distinct().Count() == roles.Count).WithMessage("Each role may be listed once.")
            .Must(roles => roles is null || roles.All(Enum.IsDefined)).WithMessage("Unknown role.");
}
