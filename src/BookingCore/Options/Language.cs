namespace SmsBooking.BookingCore.Options;

/// <summary>The languages the product speaks.</summary>
public enum Language
{
    Cs,
    En,
    /// <summary>Ukrainian, in Cyrillic: every SMS in it is UCS-2 (70 characters a segment).</summary>
    Uk,
}

/// <summary>A label in Czech and English, and in Ukrainian where the office gives it (<c>Name:uk</c>); without it the
/// English label stands in for Ukrainian, as on the screens.</summary>
public sealed record LocalizedText(string Cs, string En, string? Uk = null)
{
    public string In(Language language) => language switch
    {
        Language.En => En,
        Language.Uk => string.IsNullOrWhiteSpace(Uk) ? En : Uk,
        _ => Cs,
    };
}
