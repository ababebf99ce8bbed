namespace SmsBooking.BookingCore.Store;

/// <summary>What became of beginning a move to another day (<see cref="IBookingStore.BeginMoveAsync"/>).</summary>
public enum MoveStart
{
    /// <summary>The move is recorded on the phone and the old booking locked as moving: the new day may confirm.</summary>
    Locked,
    /// <summary>The move was made already (a repeated confirmation): the new day's confirmation
    /// (<see cref="IBookingStore.ConfirmBegunMoveAsync"/>) returns its booking.</summary>
    Moved,
    /// <summary>The old booking is no longer booked (checked in, cancelled, moved meanwhile): nothing of the move stays.</summary>
    NotMovable,
    /// <summary>The move was given up before it could lock the old booking (a finisher found it run out): nothing of it
    /// stays, and the old booking stands.</summary>
    Abandoned,
}
