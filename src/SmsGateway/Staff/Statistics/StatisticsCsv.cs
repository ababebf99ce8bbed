using NodaTime.Text;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>A <see cref="StatisticsReport"/> as CSV: one row per day, then the total (docs/staff.md, "Export CSV").</summary>
public static class StatisticsCsv
{
    public const string ContentType = CsvText.ContentType;

    /// <summary>The header, in Czech like the console.</summary>
    public static readonly string[] Header =
    [
        "datum", "objednávky SMS", "objednávky web", "objednávky úřad", "objednávky celkem", "bez objednání", "odbaveno",
        "nedostavili se", "propadlé rezervace", "zrušeno", "přesunuto", "SMS segmenty", "e-maily",
        "nabídnutá místa", "obsazená místa", "využití nabídky (%)",
    ];

    public static byte[] Write(StatisticsReport report)
    {
        var csv = new CsvText().Row(Header);
        foreach (var d in report.Days)
        {
            csv.Row(Values(LocalDatePattern.Iso.Format(d.Date), d));
        }
        csv.Row(Values("celkem", report.Total));
        csv.Row("medián čekání (min)", report.MedianWait);
        csv.Row("90. percentil čekání (min)", report.Wait90);
        foreach (var q in report.Quotas)
        {
            csv.Row($"využití nabídky: {q.Agenda.Id}{(q.Activity is null ? "" : "/" + q.Activity.Id)}", q.Offered, q.Places, q.Use);
        }
        return csv.ToBytes();
    }

    private static object?[] Values(string label, ReportDay d) =>
        [label, d.Sms, d.Web, d.Staff, d.Booked, d.WalkIns, d.CheckIns, d.NoShows, d.Lapsed, d.Cancelled, d.Moved, d.SmsSegments, d.Emails, d.Offered, d.Places, d.Use];
}
