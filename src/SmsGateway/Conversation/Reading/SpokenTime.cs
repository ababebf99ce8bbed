namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A time as written, before the office's reading of a bare hour (<c>v 2</c> is 14:00).</summary>
/// <param name="Unambiguous">Written so that it cannot be the other half of the day: am/pm, a 24-hour value
/// (<c>14:00</c>, <c>0</c>), a leading zero (<c>08:30</c>), noon.</param>
internal readonly record struct SpokenTime(int Hour, int Minute, bool Unambiguous);
