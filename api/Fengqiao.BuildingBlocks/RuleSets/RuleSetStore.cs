using System.Text.Json;
using Fengqiao.BuildingBlocks.Data;
using Fengqiao.BuildingBlocks.Errors;
using FluentValidation;
using FluentValidation.Results;

namespace Fengqiao.BuildingBlocks.RuleSets;

/// <summary>A rule set as stored: its sections as one JSON document, with the version an update must name.</summary>
public sealed record StoredRuleSet(string Name, string Title, bool IsActive, long Version, DateTimeOffset UpdatedAt, JsonElement Document);

internal sealed record RuleSetRow
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required bool IsActive { get; init; }

    public required long Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string Document { get; init; }

    public StoredRuleSet ToStored()
    {
        using var parsed = JsonDocument.Parse(Document);
        return new StoredRuleSet(Name, Title, IsActive, Version, UpdatedAt, parsed.RootElement.Clone());
    }
}

/// <summary>
/// Reads and versioned writes of <c>platform_rule_sets</c> on the scope's session (inside the command's
/// transaction). Documents are checked by the modules' <see cref="IRuleSetSectionValidator"/>s before they are
/// stored. After a change commits, call <see cref="IRuleSets.RefreshAsync"/>.
/// </summary>
public sealed class RuleSetStore(IDbSession session, IEnumerable<IRuleSetSectionValidator> validators, TimeProvider clock)
{
    public async Task<IReadOnlyList<StoredRuleSet>> ListAsync(CancellationToken cancellationToken) =>
        (await session.QueryAsync<RuleSetRow>(RuleSetSql.List, null, cancellationToken)).Select(r => r.ToStored()).ToList();

    public async Task<StoredRuleSet?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<RuleSetRow>(RuleSetSql.Get, new { Name = name }, cancellationToken))?.ToStored();

    /// <summary>Replaces a rule set's title and document; 404 when missing, 412 when stale, 400 when a module refuses its section.</summary>
    /// <returns>The new version.</returns>
    public async Task<long> UpdateAsync(string name, string title, JsonElement document, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await FindAsync(name, cancellationToken) ?? throw new NotFoundException("Rule set");
        if (current.Version != expectedVersion)
        {
            throw new PreconditionFailedException(current.Version);
        }

        var problems = RuleSetDocuments.Validate(document, RuleSetDocuments.Sections(current.Document), validators);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new ValidationFailure(p.Path.Length == 0 ? "document" : $"document.{p.Path}", p.Message)));
        }

        var changed = await session.ExecuteAsync(
            RuleSetSql.Update,
            new { Name = name, Title = title, Document = document.GetRawText(), ExpectedVersion = expectedVersion, Now = clock.GetUtcNow() },
            cancellationToken);
        if (changed == 0)
        {
            throw new PreconditionFailedException(expectedVersion);
        }

        return expectedVersion + 1;
    }

    /// <summary>Makes a rule set the active one; 404 when missing, 412 when stale.</summary>
    /// <returns>The new version of the activated rule set.</returns>
    public async Task<long> ActivateAsync(string name, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await FindAsync(name, cancellationToken) ?? throw new NotFoundException("Rule set");
        if (current.Version != expectedVersion)
        {
            throw new PreconditionFailedException(current.Version);
        }

        var now = clock.GetUtcNow();
        await session.ExecuteAsync(RuleSetSql.Deactivate, new { Name = name, Now = now }, cancellationToken);
        if (await session.ExecuteAsync(RuleSetSql.Activate, new { Name = name, ExpectedVersion = expectedVersion, Now = now }, cancellationToken) == 0)
        {
            throw new PreconditionFailedException(expectedVersion);
        }

        return expectedVersion + 1;
    }

    /// <summary>
    /// Stores a rule set file (<c>{ "name", "title", sections… }</c>) unless the database already has one of that
    /// name; a file the modules refuse stops the start.
    /// </summary>
    internal async Task<bool> SeedAsync(JsonElement file, string path, CancellationToken cancellationToken)
    {
        var name = file.GetProperty("name").GetString() ?? throw new InvalidDataException($"{path}: no name.");
        var title = file.GetProperty("title").GetString() ?? name;
        var sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in file.EnumerateObject().Where(p => p.Name is not ("name" or "title")))
        {
            sections[property.Name] = property.Value;
        }

        var document = JsonSerializer.SerializeToElement(sections);
        var problems = RuleSetDocuments.Validate(document, [], validators);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
        }

        return await session.ExecuteAsync(
            RuleSetSql.InsertIfAbsent,
            new { Name = name, Title = title, Document = document.GetRawText(), Now = clock.GetUtcNow() },
            cancellationToken) > 0;
    }

    /// <summary>Activates <paramref name="name"/> when no rule set is active yet (a fresh database).</summary>
    internal async Task ActivateIfNoneActiveAsync(string name, CancellationToken cancellationToken)
    {
        if (await session.ExecuteScalarAsync<long>(RuleSetSql.CountActive, null, cancellationToken) > 0)
        {
            return;
        }

        var candidate = await FindAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"RuleSets:Active names '{name}', but there is no such rule set.");
        await ActivateAsync(name, candidate.Version, cancellationToken);
    }
}
