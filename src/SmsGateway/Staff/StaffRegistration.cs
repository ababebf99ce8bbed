using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Notices;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Wires what the staff do (closures, cancellations with notices) into the host.</summary>
public static class StaffRegistration
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OfferedHold>();
        builder.Services.AddSingleton<CitizenNotices>();
        builder.Services.AddSingleton<StaffActions>();
        return builder;
    }
}
