using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Hosting;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Notices;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Wires what the staff do (closures, cancellations with notices) into the host.</summary>
public static class StaffRegistration
{
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        builder.Services.AddSingleton<IAuditLog>(sp =>
        {
            var retention = Duration.FromTimeSpan(sp.GetRequiredService<IOptions<StaffOptions>>().Value.AuditRetention);
            return new RedisAuditLog(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), retention);
        });
        builder.Services.AddSingleton<StaffQueries>();
        builder.Services.AddSingleton<OfferedHold>();
        builder.Services.AddSingleton<CitizenNotices>();
        builder.Services.AddSingleton<StaffActions>();
        builder.Services.AddSingleton<StaffClosureSeries>();
        builder.Services.AddSingleton<DeviceActions>();
        builder.Services.AddSingleton<CounterActions>();
        builder.Services.AddSingleton<VisitActions>();
        builder.AddStaffConsole();
        return builder;
    }
}
