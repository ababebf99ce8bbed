namespace SmsBooking.Bench;

/// <summary>One side of the board run: calls made, what the boards saw of them, and how late.</summary>
/// <param name="Samples">Board × call pairs that arrived.</param>
/// <param name="Missed">Board × call pairs that never arrived.</param>
/// <param name="WithinASecond">The share of all board × call pairs that arrived within a second.</param>
/// <param name="Answer">How long the counter's call itself took to be answered (part of <paramref name="Latency"/>).</param>
public sealed record BoardPhase(int Connections, int Calls, int Samples, int Missed, Percentiles Latency, double WithinASecond, Percentiles Answer);
