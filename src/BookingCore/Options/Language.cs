namespace SmsBooking.BookingCore.Options;

/// <summary>The languages the product speaks.</summary>
public enum Language
{
    Cs,
    En,
}

/// <summary>A label in Czech and English.</summary>
public sealed record LocalizedText(string Cs, string En)
{
    public string In(Language language) => language == Language.En ? En : Cs;
}
