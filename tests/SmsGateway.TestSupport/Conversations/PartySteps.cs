namespace SmsBooking.SmsGateway.Tests.Conversations;

/// <summary>The party's booking walk shared by the fast layer's <c>Fast.PartyBookingTests</c> and the host's
/// <c>Parties.PartyOverHttpTests</c>.</summary>
public static class PartySteps
{
    /// <summary>The guided booking with the party named at the day step: returns the confirmation.</summary>
    public static async Task<string> BookThreeAt0900Async(CitizenPhone phone)
    {
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("1", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("3 osoby", "vyberte den"); // the days again, now for three
        await phone.ExpectAsync("1.12.", "Volne casy");
        await phone.ExpectAsync("9:00", @"Termin Ut 1\.12\. 09:00 pro 3 osoby drzime do \d\d:\d\d");
        await phone.ExpectAsync("Jana Nováková", @"^Souhrn: .*1\.12\.2026 09:00 pro 3 osoby, Jana Novakova\. Potvrdte ANO");
        return await phone.ExpectAsync("ANO", @"^Objednano\. Kod: [2-9A-HJ-NP-Z]{6}\nUt 1\.12\.2026 09:00 pro 3 osoby, Obcanske prukazy\n");
    }
}
