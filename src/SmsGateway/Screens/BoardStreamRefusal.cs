namespace SmsBooking.SmsGateway.Screens;

/// <summary>Why a board's live feed was refused (<see cref="BoardStreams"/>).</summary>
public enum BoardStreamRefusal
{
    None,

    /// <summary>This board key holds <c>Screens:MaxBoardStreamsPerKey</c> streams already (429).</summary>
    KeyFull,

    /// <summary>This gateway holds <c>Screens:MaxBoardStreams</c> streams already (503).</summary>
    GatewayFull,
}
