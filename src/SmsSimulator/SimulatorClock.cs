using NodaTime;

namespace SmsBooking.SmsSimulator;

/// <summary>The in-process gateway's clock: real time plus however far staff moved it forward.</summary>
public sealed class SimulatorClock : IClock
{
    private readonly IClock _real;
    private Duration _offset;

    public SimulatorClock(IClock real) => _real = real;

    public Instant GetCurrentInstant() => _real.GetCurrentInstant() + _offset;

    public void Advance(Duration by) => _offset += by;
}
