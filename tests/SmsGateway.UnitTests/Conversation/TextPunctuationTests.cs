using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>A day label ends with its own full stop (<c>Thu 3.12.</c>): no text puts another after it, so that no SMS
/// says <c>on Thu 3.12..</c>.</summary>
public class TextPunctuationTests
{
    /// <summary>The placeholders that take a day label.</summary>
    private static readonly string[] DayPlaceholders = ["day", "oldDate", "last", "example"];

    [Theory]
    [InlineData(Language.Cs)]
    [InlineData(Language.En)]
    [InlineData(Language.Uk)]
    public void ADayLabel_IsNeverFollowedByAnotherFullStop(Language language)
    {
        var t = TextCatalog.Default.For(language);
        var day = t.DayLabel(new LocalDate(2026, 12, 3));
        var doubled = new List<string>();
        foreach (var (name, template) in TextCatalog.ShippedTemplates(language))
        {
            var values = TextCatalog.Placeholders(template).Select(p => (p, DayPlaceholders.Contains(p) ? day : "x")).ToArray();
            var text = t.Format(name, values);
            if (text.Replace("...", "").Contains(".."))
            {
                doubled.Add($"{name}: {text}");
            }
        }
        Assert.True(doubled.Count == 0, string.Join("\n", doubled));
    }

    [Theory]
    [InlineData(Language.Cs)]
    [InlineData(Language.En)]
    [InlineData(Language.Uk)]
    public void AValueEndingWithAStop_IsNeverFollowedByAnother(Language language)
    {
        var t = TextCatalog.Default.For(language);
        var doubled = new List<string>();
        foreach (var (name, template) in TextCatalog.ShippedTemplates(language))
        {
            // A name signed with a title after it (Petra Svobodova Ph.D.) ends with its own full stop.
            var text = t.Format(name, TextCatalog.Placeholders(template).Select(p => (p, "Ph.D.")).ToArray());
            if (text.Replace("...", "").Contains(".."))
            {
                doubled.Add($"{name}: {text}");
            }
        }
        Assert.True(doubled.Count == 0, string.Join("\n", doubled));
    }
}
