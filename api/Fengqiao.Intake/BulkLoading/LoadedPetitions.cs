using System.Globalization;
using Fengqiao.BuildingBlocks.Text;
using Fengqiao.Intake.Duplicates;
using Fengqiao.Intake.Petitions;
using Fengqiao.Intake.Rules;

namespace Fengqiao.Intake.BulkLoading;

/// <summary>What a later petition needs of an earlier one to name it as an earlier petition on the same matter.</summary>
internal sealed record LoadedPetition(Guid Id, string Number, string RegistrarRegionPath, DateTimeOffset ReceivedAt, uint[] Signature);

/// <summary>
/// The petitions a bulk load has written, in memory, so each new one meets its earlier petitions as
/// <see cref="DuplicateFinder"/> would in the database — same petitioner by ID number (which the generator
/// knows), similar text through the MinHash band keys of the same region and category within the repeat
/// window, scored against the threshold — without a query per row. Petitions are added in the order received.
/// </summary>
internal sealed class LoadedPetitions(IntakeRules rules)
{
    /// <summary>As <see cref="DuplicateFinder"/>: at most this many text candidates are scored.</summary>
    private const int MaxTextCandidates = 200;

    private readonly List<LoadedPetition> _byIndex = [];
    private readonly Dictionary<(Guid RegionId, string Category), int> _cells = [];

    /// <summary>Per band key of a region and category, the newest entry; each entry links to the next older one.</summary>
    private readonly Dictionary<BandSlot, int> _newestEntry = [];
    private readonly List<int> _entryPetition = [];
    private readonly List<int> _olderEntry = [];

    /// <summary>Adds the petition of generator index <paramref name="index"/>; adding it again (a retried batch) only refreshes it.</summary>
    public void Add(int index, LoadedPetition petition, Guid regionId, string category, IReadOnlyList<string> bandKeys)
    {
        if (index < _byIndex.Count)
        {
            _byIndex[index] = petition;
            return;
        }

        if (index != _byIndex.Count)
        {
            throw new InvalidOperationException($"Petitions are loaded in order; expected {_byIndex.Count}, got {index}.");
        }

        _byIndex.Add(petition);
        if (!_cells.TryGetValue((regionId, category), out var cell))
        {
            cell = _cells.Count;
            _cells[(regionId, category)] = cell;
        }

        foreach (var key in bandKeys)
        {
            var slot = BandSlot.Of(cell, key);
            _entryPetition.Add(index);
            _olderEntry.Add(_newestEntry.GetValueOrDefault(slot, -1));
            _newestEntry[slot] = _entryPetition.Count - 1;
        }
    }

    /// <summary>The earlier petitions registration would have found, in the order <see cref="DuplicateFinder"/> returns them.</summary>
    public List<EarlierPetition> EarlierOf(
        int index,
        DateTimeOffset receivedAt,
        Guid regionId,
        string category,
        uint[] signature,
        IReadOnlyList<string> bandKeys,
        IReadOnlyList<int> samePetitioner)
    {
        var since = receivedAt.AddDays(-rules.RepeatWindowDays);
        var found = new Dictionary<int, EarlierPetition>();
        foreach (var earlier in samePetitioner)
        {
            var petition = _byIndex[earlier];
            if (petition.ReceivedAt >= since)
            {
                found[earlier] = new EarlierPetition(petition.Id, petition.Number, petition.RegistrarRegionPath, true, 1);
            }
        }

        if (_cells.TryGetValue((regionId, category), out var cell))
        {
            var candidates = new List<int>();
            var seen = new HashSet<int>();
            foreach (var key in bandKeys)
            {
                for (var entry = _newestEntry.GetValueOrDefault(BandSlot.Of(cell, key), -1); entry >= 0; entry = _olderEntry[entry])
                {
                    var candidate = _entryPetition[entry];
                    if (_byIndex[candidate].ReceivedAt < since)
                    {
                        break;
                    }

                    // Later entries exist only while a failed batch is retried: registration never saw them.
                    if (candidate < index && !found.ContainsKey(candidate) && seen.Add(candidate))
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            foreach (var candidate in candidates.Take(MaxTextCandidates))
            {
                var petition = _byIndex[candidate];
                var similarity = TextSignature.Similarity(signature, petition.Signature);
                if (similarity >= rules.DuplicateScoreThreshold)
                {
                    found[candidate] = new EarlierPetition(petition.Id, petition.Number, petition.RegistrarRegionPath, false, Math.Round(similarity, 2));
                }
            }
        }

        return found.Values.OrderByDescending(e => e.SamePetitioner).ThenByDescending(e => e.Similarity).ThenBy(e => e.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>A band key (<c>band:hash</c>) within one region and category.</summary>
    private readonly record struct BandSlot(int Cell, int Band, ulong Hash)
    {
        public static BandSlot Of(int cell, string bandKey)
        {
            var colon = bandKey.IndexOf(':', StringComparison.Ordinal);
            return new BandSlot(
                cell,
                int.Parse(bandKey.AsSpan(0, colon), CultureInfo.InvariantCulture),
                ulong.Parse(bandKey.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
    }
}
