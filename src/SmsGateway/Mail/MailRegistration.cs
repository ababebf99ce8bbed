using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Wires the citizens' e-mail into the host: <c>Email</c> options validated on start, the e-mail outbox (the
/// SMS outbox's code on keys of its own), <see cref="ICitizenMail"/>, the sender and its readiness check.</summary>
public static class MailRegistration
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        builder.Services.AddKeyedSingleton<IOutbox>(MailOutbox.Key, (sp, _) => new RedisOutbox(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(),
            sp.GetRequiredService<RedisKeys>(), sp.GetRequiredService<ReplicaAcks>(), OutboxChannel.Mail));
        builder.Services.AddSingleton(sp => new Texts.MailTexts(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Texts));
        builder.Services.AddSingleton<MailRenderer>();
        builder.Services.AddSingleton<ICitizenMail, CitizenMail>();
        builder.Services.AddSingleton<SmtpRelay>();
        builder.Services.AddSingleton<MailRelayState>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value is { IsEnabled: true, SenderEnabled: true }
            ? sp.GetRequiredService<MailSender>()
            : new Idle());
        builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>("mail", tags: ["ready"]);
        return builder;
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
