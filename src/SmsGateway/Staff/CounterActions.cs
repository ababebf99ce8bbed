using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>What the staff set for the office's counters and board, from the console: the agendas each counter calls
/// (over its key's <c>Kiosk:Keys:N:Agendas</c>) and the office's notice on the board. Each change is in the audit log.</summary>
public sealed class CounterActions(KioskKeyring keyring, RedisScreenPairings pairings, QueueService queue, IAuditLog audit, IClock clock)
{
    /// <summary>A counter as the console lists it.</summary>
    /// <param name="KeyAgendas">Its key's agendas (configuration), or null: every agenda.</param>
    /// <param name="Set">The agendas the staff set, or null: none set.</param>
    /// <param name="PausedSince">Since when it is on a break today, or null.</param>
    public sealed record CounterState(string Name, IReadOnlyList<string>? KeyAgendas, IReadOnlyList<string>? Set, Instant? PausedSince)
    {
        /// <summary>What it calls now: the staff's setting, else its key's; null: every agenda.</summary>
        public IReadOnlyList<string>? Calls => Set ?? KeyAgendas;
    }

    /// <summary>Every counter the office knows: named counter keys, counters typed at pairing, counters with a setting.</summary>
    public async Task<IReadOnlyList<CounterState>> CountersAsync()
    {
        var set = await queue.CounterAgendasAsync();
        var snapshot = await queue.SnapshotAsync();
        var keyAgendas = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        foreach (var device in keyring.Devices.Where(d => d.Roles == KioskRole.Counter && d.Name is not null))
        {
            keyAgendas.TryAdd(device.Name!, device.Agendas);
        }
        foreach (var pairing in await pairings.ListAsync())
        {
            if (pairing.Role == KioskRole.Counter && pairing.Counter is not null)
            {
                keyAgendas.TryAdd(pairing.Counter, keyring.FindByKeyHash(pairing.KeyHash)?.Agendas);
            }
        }
        var names = keyAgendas.Keys.Concat(set.Keys).Concat(snapshot.Paused.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal);
        return names.Select(n => new CounterState(n, keyAgendas.GetValueOrDefault(n), set.GetValueOrDefault(n),
            snapshot.Paused.TryGetValue(n, out var since) ? since : null)).ToList();
    }

    /// <summary>Sets the agendas <paramref name="counter"/> calls; none: back to its key's. Throws
    /// <see cref="ArgumentException"/> for a counter name or agenda that is not one.</summary>
    public async Task SetAgendasAsync(string counter, IReadOnlyCollection<string> agendas, string who)
    {
        counter = counter.Trim();
        await queue.SetCounterAgendasAsync(counter, agendas);
        await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), who, "counter-agendas",
            $"counter {counter}: {(agendas.Count == 0 ? "its key's agendas" : string.Join(", ", agendas))}"));
    }

    /// <summary>The office's notice on the board for <paramref name="date"/> (today or later); empty clears it.</summary>
    public async Task SetNoticeAsync(LocalDate date, string? text, string who)
    {
        await queue.SetNoticeAsync(date, text);
        await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), who, "notice",
            $"{date:yyyy-MM-dd}: {(string.IsNullOrWhiteSpace(text) ? "cleared" : "\"" + text.Trim() + "\"")}"));
    }

    /// <summary>The notice on the board of <paramref name="date"/>, or null.</summary>
    public Task<string?> NoticeAsync(LocalDate date) => queue.NoticeAsync(date);
}
