using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>The e-mail texts live in resource files per language, and an office overrides them under
/// <c>Email:Texts</c> as it does the SMS texts.</summary>
public class MailTextsTests
{
    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Uk)]
    public void EveryLanguage_HasEveryCzechText_WithTheSamePlaceholders(Language language)
    {
        var cs = MailTexts.ShippedTemplates(Language.Cs);
        var other = MailTexts.ShippedTemplates(language);
        Assert.Equal(cs.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in cs)
        {
            Assert.True(TextCatalog.Placeholders(text).SetEquals(TextCatalog.Placeholders(other[name])), $"{language} {name}: placeholders differ from Czech");
        }
    }

    [Fact]
    public void EveryMailKind_HasASubjectAndABody()
    {
        foreach (var kind in Enum.GetValues<CitizenMailKind>())
        {
            Assert.Contains(kind + "Subject", MailTexts.ShippedTemplates(Language.Cs).Keys);
            Assert.Contains(kind + "Body", MailTexts.ShippedTemplates(Language.Cs).Keys);
        }
    }

    [Fact]
    public async Task OfficeOverride_UnderEmailTexts_ChangesTheSentMail()
    {
        await using var smtp = await TestSmtp.StartAsync();
        var settings = smtp.GatewaySettings;
        settings["Email:Texts:cs:PinSubject"] = "Vaše návštěva {date} v {time} (rezervace {code})";
        await using var gateway = await GatewayHost.StartAsync(settings);
        await gateway.App.Services.GetRequiredService<ICitizenMail>()
            .SendAsync(CitizenMailKind.Pin, "jana@example.cz", Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        var mail = await smtp.WaitForAsync("jana@example.cz", "K7M3QX");
        Assert.Equal("Vaše návštěva úterý 1. 12. 2026 v 8:00 (rezervace K7M3QX)", mail.Subject);
    }
}
