using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What one known word or phrase says.</summary>
internal sealed record Meaning(MeaningKind Kind)
{
    public Agenda? Agenda { get; init; }
    public Activity? Activity { get; init; }
    public Keyword Keyword { get; init; }
    public Answer Answer { get; init; }
    public PartOfDay? Part { get; init; }
    public int Number { get; init; }

    public static readonly Meaning Filler = new(MeaningKind.Filler);
    public static readonly Meaning NameIntro = new(MeaningKind.NameIntro);
    public static readonly Meaning SelfIntro = new(MeaningKind.SelfIntro);
    public static readonly Meaning Earliest = new(MeaningKind.Earliest);

    public static Meaning Of(Keyword keyword) => new(MeaningKind.Keyword) { Keyword = keyword };
    public static Meaning Of(Answer answer) => new(MeaningKind.Answer) { Answer = answer };
    public static Meaning Of(PartOfDay part) => new(MeaningKind.PartOfDay) { Part = part };
    public static Meaning Ordinal(int number) => new(MeaningKind.Ordinal) { Number = number };
}
