using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>Bookings a test sets up without a conversation.</summary>
public static class OfficeBookings
{
    /// <summary>A booking made through the domain service the SMS conversation uses (identity cards, application).</summary>
    public static async Task<Booking> BookAsync(GatewayHost gateway, string phone, LocalDate date, LocalTime time, string name = "Jana Novakova")
    {
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var hold = (await service.HoldAsync(phone, agenda, "zadost", date, time)).Hold ?? throw new InvalidOperationException("no hold");
        return (await service.ConfirmAsync(phone, hold.Id, name)).Booking!;
    }
}
