using System.Globalization;

namespace Fengqiao.Mediation.Sessions;

/// <summary>
/// Sessions are booked in half-hour slots: a session holds every slot from its start up to its end, so two sessions overlap
/// exactly when they share a slot, which a primary key can refuse. Slot keys are UTC instants as text, alike on both engines.
/// </summary>
public static class SessionSlots
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(8);

    /// <summary>Whether the instant falls on a whole or half hour, with no seconds.</summary>
    public static bool IsOnSlotBoundary(DateTimeOffset at) => at.UtcTicks % Length.Ticks == 0;

    /// <summary>The keys of the slots from <paramref name="startsAt"/> up to <paramref name="endsAt"/> (both on slot boundaries).</summary>
    public static IReadOnlyList<string> Between(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var keys = new List<string>();
        for (var slot = startsAt.ToUniversalTime(); slot < endsAt.ToUniversalTime(); slot += Length)
        {
            keys.Add(slot.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture));
        }

        return keys;
    }
}
