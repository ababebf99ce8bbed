using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>A paired screen as a request finds it: the configured device its key belongs to, the pairing its token
/// stands for, and for a counter screen the counter it calls to (its key's <c>Name</c>, else the one typed at
/// pairing).</summary>
public sealed record ScreenDevice(KioskDevice Device, ScreenPairing Pairing, string? Counter);
