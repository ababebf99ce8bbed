using NodaTime;

namespace SmsBooking.SmsGateway.Citizens;

/// <summary>A coming day, or part of one, when the office or an agenda does not serve: a public holiday, a day closed in
/// the configuration, or a staff closure of a whole day or an afternoon.</summary>
/// <param name="From">Null for the whole day; else the time the closure starts (an afternoon).</param>
/// <param name="What">The holiday's name, or what is closed (the office, an agenda).</param>
public sealed record ClosedDay(LocalDate Date, LocalTime? From, string What);
