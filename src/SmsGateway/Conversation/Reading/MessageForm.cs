namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Which kind of message it is: ordinary talk, or one of Trutnov's one-message forms.</summary>
public enum MessageForm
{
    /// <summary>Anything but the forms below: the guided conversation reads it.</summary>
    Talk,
    /// <summary><c>OBJ &lt;code&gt; [date] [time] &lt;name&gt;</c>: book the slot asked for, or the nearest.</summary>
    QuickBooking,
    /// <summary><c>OBJ</c>, <c>OBJ HELP</c>, <c>OBJ POMOC</c>: how the one-message booking is written.</summary>
    QuickHelp,
    /// <summary><c>VOLNO &lt;code&gt; [date]</c> (or <c>FREE</c>): the free times of an activity on a day.</summary>
    FreeTimes,
}
