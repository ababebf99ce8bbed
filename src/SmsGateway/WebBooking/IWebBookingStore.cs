using NodaTime;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>The web booking's records in Redis: reservations, the random tokens of their links, and which hold each
/// source address has. Every record is kept for as long as its caller says (until the visit plus the retention).</summary>
public interface IWebBookingStore
{
    /// <summary>Writes (or rewrites) the reservation, to be forgotten after <paramref name="keepFor"/>.</summary>
    Task SaveAsync(WebReservation reservation, Duration keepFor);

    /// <summary>The reservation with that id, or null (never made, or forgotten).</summary>
    Task<WebReservation?> GetAsync(string id);

    /// <summary>Records a link's token; false when the token exists already (the caller draws another).</summary>
    Task<bool> AddTokenAsync(string token, WebTokenRef target, Duration keepFor);

    /// <summary>What a token names, or null for a token never issued or expired.</summary>
    Task<WebTokenRef?> FindTokenAsync(string token);

    /// <summary>Records that the booking of <paramref name="date"/> with <paramref name="code"/> is the reservation
    /// <paramref name="reservationId"/>'s (at its confirmation, and at each move).</summary>
    Task IndexBookingAsync(LocalDate date, string code, string reservationId, Duration keepFor);

    /// <summary>The reservation the booking of that day and code stands for, or null (not a web booking, or forgotten).</summary>
    Task<WebReservation?> FindByBookingAsync(LocalDate date, string code);

    /// <summary>Makes <paramref name="holder"/> the source address's one hold for <paramref name="ttl"/> and returns the
    /// holder it had before (a live one), or null: the caller releases that earlier hold.</summary>
    Task<string?> SwapSourceHoldAsync(string source, string holder, Duration ttl);
}
