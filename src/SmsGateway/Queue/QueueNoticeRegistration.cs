using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>Wires the queue's SMS ("your turn soon", "called") into the host.</summary>
public static class QueueNoticeRegistration
{
    public static WebApplicationBuilder AddQueueNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueueNoticeOptions>().BindConfiguration(QueueNoticeOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<QueueNoticeOptions>, QueueNoticeOptionsValidator>();
        builder.Services.AddSingleton<IQueueCallObserver, CallNotices>();
        return builder;
    }
}
