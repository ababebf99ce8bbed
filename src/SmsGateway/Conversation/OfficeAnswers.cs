using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Questions about the office asked at any step (<c>v kolik otevirate?</c>, <c>kde sidlite?</c>, <c>co mam
/// vzit s sebou?</c>, <c>kolik to stoji?</c>, <c>je tam ted hodne lidi?</c>), answered from configuration
/// (<c>Office:Hours</c>, <c>Office:Place</c>, each activity's <c>Fee</c> and <c>Bring</c>) or the queue, and followed by
/// what the step under way asks, so the booking in progress goes on where it was (docs/conversation-reading.md,
/// "Questions about the office").</summary>
public sealed class OfficeAnswers
{
    private readonly OfficeSettings _office;
    private readonly BookingService _booking;
    private readonly Queue.QueueStatus _queue;
    private readonly ConversationOptions _options;

    public OfficeAnswers(OfficeSettings office, BookingService booking, Queue.QueueStatus queue, ConversationOptions options)
    {
        _office = office;
        _booking = booking;
        _queue = queue;
        _options = options;
    }

    /// <summary>The answer, then the step's prompt (its list freshly read) when both fit the reply, else the step's
    /// short hint; with nothing under way, the answer alone.</summary>
    public async Task<string> AnswerAsync(Turn t, MessageReading r)
    {
        var answer = r.Question switch
        {
            Question.Hours => t.Texts.Format("AnswerHours", ("hours", Hours(t))),
            Question.Address => t.Texts.Format("AnswerAddress", ("place", _office.Place.In(t.Language))),
            Question.Queue => await _queue.SmsAsync(t.Texts),
            _ => await AboutActivityAsync(t, r),
        };
        if (t.Step.AtRest)
        {
            return answer;
        }
        var prompt = answer + "\n" + await t.PromptAsync();
        if (t.Texts.Fits(prompt))
        {
            return prompt;
        }
        var hint = answer + "\n" + t.Step.Reminder(t);
        return t.Texts.Fits(hint) ? hint : answer;
    }

    /// <summary><c>Po 8:00-17:00, Ut 8:00-15:00, ...</c> in the week's order.</summary>
    private string Hours(Turn t) => string.Join(", ", _office.Hours.OrderBy(h => h.Key)
        .Select(h => $"{t.Texts.Weekday(h.Key)} {Hm(h.Value.Open)}-{Hm(h.Value.Close)}"));

    private static string Hm(LocalTime time) => $"{time.Hour}:{time.Minute:00}";

    /// <summary>The fee or what to bring: for the activity the message names, else the one the talk is about, else the
    /// phone's bookings' one; with only an agenda, its activities' fees (what to bring is asked for by activity).</summary>
    private async Task<string> AboutActivityAsync(Turn t, MessageReading r)
    {
        var fee = r.Question == Question.Fee;
        var (agenda, activity) = r.Agenda is { } named
            ? (named, r.Activity ?? (named.Id == t.Agenda?.Id ? t.Activity : null) ?? Only(named))
            : (t.Agenda, t.Activity ?? (t.Agenda is { } current ? Only(current) : null));
        if (agenda is null && t.PhoneHasBookings)
        {
            var kinds = (await _booking.UpcomingAsync(t.Phone)).Select(b => (b.AgendaId, b.ActivityId)).Distinct().ToList();
            if (kinds.Count == 1 && _office.FindAgenda(kinds[0].AgendaId) is { } booked)
            {
                (agenda, activity) = (booked, booked.FindActivity(kinds[0].ActivityId));
            }
        }
        if (agenda is not null && activity is not null)
        {
            var told = fee ? activity.Fee : activity.Bring;
            return told is null
                ? NotKnown(t)
                : t.Texts.Format(fee ? "AnswerFee" : "AnswerBring", ("activity", activity.Name.In(t.Language)), (fee ? "fee" : "bring", told.In(t.Language)));
        }
        if (fee && agenda is not null && agenda.Activities.All(a => a.Fee is not null))
        {
            var fees = t.Texts.Format("AnswerFees", ("agenda", agenda.Name.In(t.Language)),
                ("fees", string.Join("; ", agenda.Activities.Select(a => $"{a.Name.In(t.Language)} {a.Fee!.In(t.Language)}"))));
            if (t.Texts.Fits(fees))
            {
                return fees;
            }
        }
        var example = (agenda ?? _office.Agendas[0]).Activities.FirstOrDefault(a => a.Codes.Count > 0);
        return example is null
            ? NotKnown(t)
            : t.Texts.Format(fee ? "AskWhichFee" : "AskWhichBring", ("code", example.Codes[0]), ("activity", example.Name.In(t.Language)));
    }

    private static Activity? Only(Agenda agenda) => agenda.Activities.Count == 1 ? agenda.Activities[0] : null;

    private string NotKnown(Turn t) =>
        t.Texts.Format("AnswerNotKnown", ("phone", _options.OfficePhone.Length == 0 ? "" : t.Texts.Format("HelpPhone", ("phone", _options.OfficePhone))));
}
