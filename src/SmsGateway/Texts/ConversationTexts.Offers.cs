using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>The texts of the one-message forms (<c>OBJ</c>, <c>VOLNO</c>), of moving a booking (<c>PRESUN</c>) and of
/// the waitlist (<c>HLIDAT</c>).</summary>
public sealed partial class ConversationTexts
{
    // One-message booking (OBJ) and the free-times query (VOLNO), the syntax Trutnov's line already knows.
    public string QuickOffer(string agenda, LocalDate day, LocalTime time, string name, LocalTime holdEnds, bool requestedWasFree, int party = 1) =>
        Format(requestedWasFree ? "QuickOffer" : "QuickOfferNearest", ("agenda", agenda), ("date", DateLabel(day)), ("time", Hm(time)), ("party", PartyAfterTime(party)),
            ("name", name), ("holdEnds", Hm(holdEnds)));

    public string QuickNothingFree(string agenda, int days) =>
        Format("QuickNothingFree", ("agenda", agenda), ("dayCount", days.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string QuickSyntax(string codes) => Format("QuickSyntax", ("codes", codes));

    public string UnknownAgendaCode(string code, string codes) => Format("UnknownAgendaCode", ("code", code), ("codes", codes));

    public string FreeTimes(string agenda, LocalDate day, IReadOnlyList<LocalTime> times) =>
        Format("FreeTimes", ("agenda", agenda), ("day", DayLabel(day)), ("timeList", FittingTimes(agenda, day, times)));

    /// <summary>The soonest of <paramref name="times"/> that fit the reply (<see cref="MaxSegments"/>): all 40 in Czech
    /// and English, fewer in Ukrainian.</summary>
    public string FittingTimes(string agenda, LocalDate day, IReadOnlyList<LocalTime> times)
    {
        for (var n = times.Count; n > 1; n--)
        {
            var list = string.Join(" ", times.Take(n).Select(Hm));
            if (Fits(Format("FreeTimes", ("agenda", agenda), ("day", DayLabel(day)), ("timeList", list))))
            {
                return list;
            }
        }
        return string.Join(" ", times.Take(1).Select(Hm));
    }

    public string NoFreeTimesAhead(string agenda) => Format("NoFreeTimesAhead", ("agenda", agenda));

    public string QuickHintConfirm() => Format("QuickHintConfirm");

    public string HoldLapsedButStillFree(LocalTime holdEnds) => Format("HoldLapsedButStillFree", ("holdEnds", Hm(holdEnds)));

    public string TakenMeanwhile() => Format("TakenMeanwhile");

    public string Declined() => Format("Declined");

    public string ChooseMove(IReadOnlyList<string> bookings) => Format("ChooseMove", ("choices", FittingList("ChooseMove", "choices", bookings, Numbered, roomForHint: true)));

    public string NothingToMove() => Format("NothingToMove");

    /// <summary>Said before the day list when a move starts.</summary>
    public string MoveStart(string code, LocalDate day, LocalTime time) => Format("MoveStart", ("code", code), ("day", DayLabel(day)), ("time", Hm(time)));

    public string MoveSummary(string code, LocalDate oldDay, LocalTime oldTime, LocalDate day, LocalTime time, string agenda, LocalTime holdEnds) =>
        Format("MoveSummary", ("code", code), ("oldDate", DayLabel(oldDay)), ("oldTime", Hm(oldTime)), ("date", DateLabel(day)), ("time", Hm(time)),
            ("agenda", agenda), ("holdEnds", Hm(holdEnds)));

    /// <summary>The one SMS of a move: the new time, the code, the new PIN (the place is not repeated: one segment).</summary>
    public string Moved(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        Format("Moved", ("code", b.Code), ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("place", place),
            ("from", Hm(from)), ("to", Hm(to)), ("pin", b.Pin));

    /// <summary>A move to the time the booking already has: nothing changes; the nearest other times follow.</summary>
    public string MoveSameTime(LocalTime time) => Format("MoveSameTime", ("time", Hm(time)));

    public string MoveDropped(LocalDate day, LocalTime time) => Format("MoveDropped", ("day", DayLabel(day)), ("time", Hm(time)));

    /// <summary>STORNO during a move: the move is given up and the booking stands (a cancel needs its ANO or its code);
    /// the reply says how to cancel the booking too, for whoever meant that.</summary>
    public string MoveDroppedByStorno(string code, LocalDate day, LocalTime time) =>
        Format("MoveDroppedByStorno", ("code", code), ("day", DayLabel(day)), ("time", Hm(time)));

    /// <summary>An ANO of a move that was given up before it could confirm (its hold ran out meanwhile, or the booking was
    /// checked in or cancelled): nothing moved, the booking stays.</summary>
    public string MoveNotMade(LocalDate day, LocalTime time) => Format("MoveNotMade", ("day", DayLabel(day)), ("time", Hm(time)));

    // The waitlist (HLIDAT / WATCH).
    public string WatchOffer(string agenda, LocalDate date, LocalTime time, LocalTime holdEnds) =>
        Format("WatchOffer", ("agenda", agenda), ("date", DateLabel(date)), ("time", Hm(time)), ("holdEnds", Hm(holdEnds)));

    public string WatchOfferMove(string code, LocalDate oldDay, LocalTime oldTime, LocalDate date, LocalTime time, LocalTime holdEnds) =>
        Format("WatchOfferMove", ("code", code), ("oldDate", DayLabel(oldDay)), ("oldTime", Hm(oldTime)), ("date", DateLabel(date)), ("time", Hm(time)),
            ("holdEnds", Hm(holdEnds)));

    /// <summary>HLIDAT when a slot it wants is free already: held and offered at once, as free now.</summary>
    public string WatchFreeNow(string agenda, LocalDate date, LocalTime time, LocalTime holdEnds) =>
        Format("WatchFreeNow", ("agenda", agenda), ("date", DateLabel(date)), ("time", Hm(time)), ("holdEnds", Hm(holdEnds)));

    public string WatchFreeNowMove(string code, LocalDate oldDay, LocalTime oldTime, LocalDate date, LocalTime time, LocalTime holdEnds) =>
        Format("WatchFreeNowMove", ("code", code), ("oldDate", DayLabel(oldDay)), ("oldTime", Hm(oldTime)), ("date", DateLabel(date)), ("time", Hm(time)),
            ("holdEnds", Hm(holdEnds)));

    public string WatchOfferLapsed(LocalDate day, LocalTime time) => Format("WatchOfferLapsed", ("day", DayLabel(day)), ("time", Hm(time)));

    /// <summary>The reply to HLIDAT: the days watched, one day said once (not <c>Ct 24.12.-Ct 24.12.</c>).</summary>
    public string Watching(string agenda, LocalDate from, LocalDate to) => from == to
        ? Format("WatchingDay", ("agenda", agenda), ("day", DayLabel(from)))
        : Format("Watching", ("agenda", agenda), ("from", DayLabel(from)), ("to", DayLabel(to)));

    public string WatchingEarlier(string code, LocalDate day, LocalTime time, LocalDate to) =>
        Format("WatchingEarlier", ("code", code), ("day", DayLabel(day)), ("time", Hm(time)), ("to", DayLabel(to)));

    public string WatchStopped() => Format("WatchStopped");

    public string NothingWatched() => Format("NothingWatched");

    public string WatchWhich() => Format("WatchWhich");

    public string WatchNeedsName(string code) => Format("WatchNeedsName", ("code", code));

    public string WatchOff() => Format("WatchOff");

    public string MoveGone(string code) => Format("MoveGone", ("code", code));
}
