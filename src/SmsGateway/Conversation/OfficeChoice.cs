using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The agenda a citizen chose and, when the same message named it (or the agenda has only one), the activity.</summary>
public sealed record OfficeChoice(Agenda Agenda, Activity? Activity)
{
    /// <summary>The activity, or the agenda's only one.</summary>
    public Activity? Known => Activity ?? (Agenda.Activities.Count == 1 ? Agenda.Activities[0] : null);

    /// <summary>True when the activity is still to be asked for.</summary>
    public bool NeedsActivity => Known is null;
}
