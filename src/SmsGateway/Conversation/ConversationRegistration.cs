using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Wires the SMS conversation into the host.</summary>
public static class ConversationRegistration
{
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<AbuseOptions>().BindConfiguration(AbuseOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<AbuseOptions>, AbuseOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConversationOptions>>().Value);
        builder.Services.AddSingleton(sp => new Texts.TextCatalog(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.Texts));
        builder.Services.AddSingleton(sp => new Reading.MessageReader(sp.GetRequiredService<BookingCore.Options.OfficeSettings>(),
            Reading.Vocabulary.With(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.Words)));
        builder.Services.AddSingleton<Prompts>();
        builder.Services.AddSingleton<ClosedDays>();
        builder.Services.AddSingleton<Confirmation>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.IdleStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingAgendaStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingActivityStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingDayStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingTimeStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.EnteringNameStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ConfirmingStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.QuickConfirmingStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.JustBookedStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingCancellationStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ConfirmingCancellationStep>();
        builder.Services.AddSingleton<Steps.IConversationStep, Steps.ChoosingMoveStep>();
        builder.Services.AddSingleton<Steps.ConversationSteps>();
        builder.Services.AddSingleton<OneMessageBooking>();
        builder.Services.AddSingleton<Cancellation>();
        builder.Services.AddSingleton<OfficeAnswers>();
        builder.Services.AddSingleton<Moving>();
        builder.Services.AddSingleton<ConversationEngine>();
        builder.Services.AddSingleton<PhoneConversations>();
        builder.Services.AddSingleton<InboundSmsHandler>();
        builder.Services.AddHostedService<ConversationWarmUp>();
        return builder;
    }
}

/// <param name="configuration">Where the office's agendas are read, to check the office's words against their words.</param>
internal sealed class ConversationOptionsValidator(IConfiguration configuration) : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions o)
    {
        const string S = ConversationOptions.SectionName;
        var errors = new List<string>();
        if (o.IdleExpiry < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:IdleExpiry: {o.IdleExpiry} must be at least a second");
        }
        errors.AddRange(Texts.TextCatalog.Validate(o.Texts, $"{S}:Texts"));
        errors.AddRange(Reading.Vocabulary.Validate(o.Words, $"{S}:Words"));
        if (o.Words.Count > 0 && configuration.GetSection(BookingCore.Options.OfficeOptions.SectionName).Get<BookingCore.Options.OfficeOptions>() is { } office
            && BookingCore.Options.OfficeSettings.Create(office, out var officeErrors) is var settings && officeErrors.Count == 0)
        {
            errors.AddRange(Reading.Vocabulary.AgendaClashes(o.Words, settings, $"{S}:Words")); // a broken office is Office's to report
        }
        if (o.ReplayMemory < o.IdleExpiry)
        {
            errors.Add($"{S}:ReplayMemory: {o.ReplayMemory} must be at least {S}:IdleExpiry ({o.IdleExpiry})");
        }
        if (o.OfficePhone.Length > 20 || !System.Text.RegularExpressions.Regex.IsMatch(o.OfficePhone, @"^(\+?[0-9 ]*)$"))
        {
            errors.Add($"{S}:OfficePhone: at most 20 characters of digits and spaces, with a leading + allowed");
        }
        if (o.DaysPerPage is < 1 or > 9)
        {
            errors.Add($"{S}:DaysPerPage: {o.DaysPerPage} must be between 1 and 9 (a reply has 2 SMS segments)");
        }
        if (o.TimesPerPage is < 1 or > 16)
        {
            errors.Add($"{S}:TimesPerPage: {o.TimesPerPage} must be between 1 and 16 (a reply has 2 SMS segments)");
        }
        if (o.LeaseWait < TimeSpan.Zero || o.LeaseWait > TimeSpan.FromSeconds(14))
        {
            errors.Add($"{S}:LeaseWait: {o.LeaseWait} must be between 0 and 14 seconds (Twilio waits 15)");
        }
        if (o.KeepWarm < TimeSpan.Zero)
        {
            errors.Add($"{S}:KeepWarm: {o.KeepWarm} must not be negative (00:00:00 turns it off)");
        }
        if (o.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:LeaseDuration: {o.LeaseDuration} must be at least a second");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class AbuseOptionsValidator : IValidateOptions<AbuseOptions>
{
    public ValidateOptionsResult Validate(string? name, AbuseOptions o)
    {
        const string S = AbuseOptions.SectionName;
        var errors = new List<string>();
        if (o.MaxMessagesPerWindow < 1)
        {
            errors.Add($"{S}:MaxMessagesPerWindow: {o.MaxMessagesPerWindow} must be at least 1");
        }
        if (o.MaxMessagesPerMinuteTotal < 0)
        {
            errors.Add($"{S}:MaxMessagesPerMinuteTotal: {o.MaxMessagesPerMinuteTotal} must be 0 (no limit) or more");
        }
        if (o.RateWindow < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:RateWindow: {o.RateWindow} must be at least a second");
        }
        for (int i = 0; i < o.AllowedCountries.Count; i++)
        {
            if (o.AllowedCountries[i] != "*" && !AbuseOptions.CallingCodes.ContainsKey(o.AllowedCountries[i]))
            {
                errors.Add($"{S}:AllowedCountries:{i}: '{o.AllowedCountries[i]}' is not a known country code ({string.Join(", ", AbuseOptions.CallingCodes.Keys)})");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
