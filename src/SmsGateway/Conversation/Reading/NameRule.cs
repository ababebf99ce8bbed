using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What may be a name: 2-100 letters of the Latin script (with any diacritics), spaces, hyphens, apostrophes
/// and dots; inner spaces collapsed. Latin only: the office's records are, and a name in another script would turn
/// every SMS that repeats it into UCS-2, more than two segments. A name in Cyrillic is taken in its official Latin
/// transliteration (<see cref="Transliteration"/>), as the citizen's passport spells it.</summary>
internal static class NameRule
{
    public const int MaxLength = 100;

    public static bool TryName(string raw, out string name)
    {
        name = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Transliteration.HasCyrillic(name))
        {
            name = Transliteration.ToLatin(name);
        }
        if (name.Length is < 2 or > MaxLength)
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!(char.IsLetter(c) && SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(c.ToString())) || c is ' ' or '-' or '\'' or '.' or '’'))
            {
                return false;
            }
        }
        return name.Any(char.IsLetter);
    }
}
