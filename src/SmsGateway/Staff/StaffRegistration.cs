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
            // TEMPORARY (issue 24, until the branch outbox-lists merges): the audit log uses a Redis stream, which
            // Garnet 2.2.12 lacks, so the embedded default keeps the in-process log. Delete this branch with InMemoryAuditLog.
            return BookingCoreRegistration.UsesRedis(sp)
                ? new RedisAuditLog(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(), retention)
                : new InMemoryAuditLog(retention);
        });
        builder.Services.AddSingleton<StaffQueries>();
        builder.Services.AddSingleton<OfferedHold>();
        builder.Services.AddSingleton<CitizenNotices>();
        builder.Services.AddSingleton<StaffActions>();
        builder.Services.AddSingleton<DeviceActions>();
        builder.AddStaffConsole();
        return builder;
    }
}
