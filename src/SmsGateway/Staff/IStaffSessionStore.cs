using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The console's sessions, shared by every gateway: a session is open while its record is here.</summary>
public interface IStaffSessionStore
{
    /// <summary>Keeps the session for at most <paramref name="lifetime"/> (the absolute lifetime).</summary>
    Task StartAsync(StaffSession session, Duration lifetime);

    /// <summary>The session, or null when it ended (signed out, revoked, expired) or never was.</summary>
    Task<StaffSession?> GetAsync(string id);

    /// <summary>Ends the session on every gateway; false when there was none.</summary>
    Task<bool> EndAsync(string id);
}
