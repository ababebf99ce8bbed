using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>An agenda's or an activity's name in a screen's language: <c>Office:Agendas:N:Name:&lt;cs|en|uk|vi&gt;</c>.</summary>
/// <remarks>The domain knows the Czech and English names only (the SMS line speaks those two). The screens read the
/// Ukrainian and Vietnamese names from the same configuration section, where the office may give them; without them
/// the English name stands in.</remarks>
public sealed class AgendaNames
{
    private readonly Dictionary<(string Agenda, string? Activity), Dictionary<string, string>> _names = new();

    public AgendaNames(IOptions<OfficeOptions> options)
    {
        foreach (var agenda in options.Value.Agendas)
        {
            _names[(agenda.Id.ToUpperInvariant(), null)] = new(agenda.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var activity in agenda.Activities)
            {
                _names[(agenda.Id.ToUpperInvariant(), activity.Id)] = new(activity.Name, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    public string Of(Agenda agenda, ScreenTexts language) => Pick(agenda.Id, null, agenda.Name, language);

    public string Of(Agenda agenda, Activity activity, ScreenTexts language) => Pick(agenda.Id, activity.Id, activity.Name, language);

    private string Pick(string agendaId, string? activityId, LocalizedText domain, ScreenTexts language) => language.Language switch
    {
        ScreenLanguage.Cs => domain.Cs,
        ScreenLanguage.En => domain.En,
        _ => _names.GetValueOrDefault((agendaId.ToUpperInvariant(), activityId))?.GetValueOrDefault(language.Code) is { Length: > 0 } name ? name : domain.En,
    };
}
