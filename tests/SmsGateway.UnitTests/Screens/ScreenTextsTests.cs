using System.Text.RegularExpressions;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>The screens' texts (<c>Texts/Screens*.resx</c>): every language has every text, with the same placeholders,
/// written in its own script.</summary>
public class ScreenTextsTests
{
    public static TheoryData<ScreenLanguage> Others => new() { ScreenLanguage.En, ScreenLanguage.Uk, ScreenLanguage.Vi };

    [Theory]
    [MemberData(nameof(Others))]
    public void EveryLanguage_HasEveryCzechText_WithTheSamePlaceholders(ScreenLanguage language)
    {
        var cs = ScreenTexts.Shipped(ScreenLanguage.Cs);
        var other = ScreenTexts.Shipped(language);
        Assert.True(cs.Count >= 90, $"only {cs.Count} texts were read from the Czech file");
        Assert.Equal(cs.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in other)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{language} {name} is empty");
            Assert.Equal(Placeholders(cs[name]), Placeholders(text));
        }
    }

    [Fact]
    public void UkrainianIsCyrillic_VietnameseHasItsDiacritics_AndNeitherIsCzech()
    {
        var uk = ScreenTexts.Shipped(ScreenLanguage.Uk);
        var vi = ScreenTexts.Shipped(ScreenLanguage.Vi);
        var cs = ScreenTexts.Shipped(ScreenLanguage.Cs);
        foreach (var name in new[] { "Welcome", "HavePin", "EnterPin", "TicketPriority", "LockedTitle", "InvalidHint", "CounterNext", "StatusTitle" })
        {
            Assert.Matches(@"\p{IsCyrillic}", uk[name]);
            Assert.DoesNotMatch(@"[ěščřžýáíéůú]", uk[name]);
            Assert.NotEqual(cs[name], vi[name]);
        }
        // The Vietnamese alphabet's own letters (ơ, ư, ă, đ, ê, ô ...) show it is written with its diacritics.
        Assert.Matches("[ơưăđêôạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửữựỳỵỷỹ]", string.Join(" ", vi.Values));
        Assert.Equal("Tiếng Việt", vi["LanguageName"]);
        Assert.Equal("Українська", uk["LanguageName"]);
    }

    [Theory]
    [InlineData(ScreenLanguage.Cs)]
    [MemberData(nameof(Others))]
    public void PauseWhileServing_SaysTheBreakStartsOnlyAfterTheClientIsSettled_NotThatItWillBegin(ScreenLanguage language)
    {
        // Nothing starts a break by itself after Hotovo: the clerk presses Přestávka again, so the refusal names the
        // buttons that end the service and promises nothing.
        var texts = ScreenTexts.Shipped(language);
        var refusal = texts["CounterMsgServing"];
        foreach (var button in new[] { "CounterDone", "CounterNoShow", "CounterTransfer" })
            Assert.Contains(texts[button], refusal, StringComparison.Ordinal);
        Assert.DoesNotMatch("potom začne|then the break begins|потім почнеться|sau đó mới nghỉ", refusal);
    }

    [Fact]
    public void Dates_AreWrittenInEachLanguagesOwnWay()
    {
        var monday = new NodaTime.LocalDate(2026, 11, 30);
        Assert.Equal("po 30. 11.", ScreenTexts.For(ScreenLanguage.Cs).Date(monday));
        Assert.Equal("Mon 30 Nov", ScreenTexts.For(ScreenLanguage.En).Date(monday));
        Assert.Equal("пн, 30.11", ScreenTexts.For(ScreenLanguage.Uk).Date(monday));
        Assert.Equal(ScreenLanguage.Vi, ScreenTexts.ForCode("VI").Language);
        Assert.Equal(ScreenLanguage.Cs, ScreenTexts.ForCode("xx").Language);
    }

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, @"\{([A-Za-z]+)\}").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToArray();
}
