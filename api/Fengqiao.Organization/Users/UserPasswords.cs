using Fengqiao.BuildingBlocks.Auth;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fengqiao.Organization.Users;

/// <summary>The type the password hasher is keyed on; hashes do not depend on its contents.</summary>
internal sealed class UserAccount;

/// <summary>ASP.NET Core's PBKDF2 password hasher (HMAC-SHA512) at 600,000 iterations, per current OWASP guidance.</summary>
internal sealed class UserPasswords
{
    public const int Iterations = 600_000;
    private static readonly UserAccount Account = new();
    private readonly PasswordHasher<UserAccount> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = Iterations,
    }));

    /// <summary>Verified against when the user name is unknown, so both answers take the same time.</summary>
    private readonly Lazy<string> _decoyHash;

    public UserPasswords()
    {
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
