using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>Wires the statistics' store and counter (part of <c>AddBookingCore</c>).</summary>
public static class StatisticsRegistration
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StatisticsOptions>, StatisticsOptionsValidator>();
        services.AddSingleton<IStatisticsStore>(sp => new RedisStatisticsStore(sp.GetRequiredService<IConnectionMultiplexer>(),
            new StatisticsKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix),
            Duration.FromDays(sp.GetRequiredService<IOptions<StatisticsOptions>>().Value.RetentionDays)));
        services.AddSingleton(sp => new BookingEventTally(sp.GetRequiredService<IStatisticsStore>(), sp.GetRequiredService<ILogger<BookingEventTally>>()));
        services.AddHostedService(sp => sp.GetRequiredService<BookingEventTally>());
        services.AddSingleton(sp => new StatisticsCounter(sp.GetRequiredService<IStatisticsStore>(), sp.GetRequiredService<BookingEventTally>(),
            sp.GetRequiredService<OfficeCalendar>().Zone, sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILogger<StatisticsCounter>>()));
        services.AddSingleton(sp => new ReplySegmentTally(sp.GetRequiredService<IStatisticsStore>(),
            sp.GetRequiredService<OfficeCalendar>().Zone, sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILogger<ReplySegmentTally>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReplySegmentTally>());
        return services;
    }
}
