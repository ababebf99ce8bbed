using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>How a template's placeholders are filled: in one pass over the template, each from its value.</summary>
public class TextFormatTests
{
    private static ConversationTexts Texts(string template) =>
        new TextCatalog(new Dictionary<string, Dictionary<string, string>> { ["cs"] = new() { ["TakenMeanwhile"] = template } }).For(Language.Cs);

    [Fact]
    public void EachPlaceholder_IsFilled_WhereverItStands_AndAsOftenAsItStands() =>
        Assert.Equal("ANO: 10:00 a 10:00, Po", Texts("{a}: {b} a {b}, {c}").Format("TakenMeanwhile", ("a", "ANO"), ("b", "10:00"), ("c", "Po")));

    [Fact]
    public void AValueHoldingAPlaceholder_StaysAsTyped() =>
        Assert.Equal("Duvod: {b} {x}. Konec 10:00", Texts("Duvod: {a}. Konec {b}").Format("TakenMeanwhile", ("a", "{b} {x}"), ("b", "10:00")));

    [Fact]
    public void APlaceholderWithoutAValue_AndBracesAroundNoName_StayAsWritten() =>
        Assert.Equal("{nic} {} { a } x", Texts("{nic} {} { a } {a}").Format("TakenMeanwhile", ("a", "x")));

    [Fact]
    public void ATemplateWithoutPlaceholders_AndEmptyValues() =>
        Assert.Equal("Bez: .", Texts("Bez: {a}.").Format("TakenMeanwhile", ("a", "")));

    [Fact]
    public void APlaceholderGivenNoValue_IsLeftEmpty_NotSentAsItsName() =>
        // A value read from stored data can be null despite its type (an old record without the field): the citizen
        // must not get "{code}" (Regex.Replace, before the pooled buffer, filled it with nothing).
        Assert.Equal("Kod: . Konec 10:00", Texts("Kod: {a}. Konec {b}").Format("TakenMeanwhile", ("a", null!), ("b", "10:00")));
}
