namespace SmsBooking.SmsGateway.Web;

/// <summary>The gateway's own web pages: server-rendered Razor Pages in <c>src/SmsGateway/Pages/</c> (the citizens'
/// page at <c>/</c>; the staff console and the office's screens live beside it in their own folders) and their static
/// files in <c>src/SmsGateway/wwwroot/</c>. No npm build step: what is in those folders is what is served.</summary>
public static class WebPages
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        // The pages are compiled into this assembly; a host started by the tests or the simulator has another entry
        // assembly, so the part is named here rather than found by the application's name.
        builder.Services.AddRazorPages().AddApplicationPart(typeof(WebPages).Assembly);
        // Run from the build output (tests, the simulator, `dotnet run`) the files stay in src/SmsGateway/wwwroot, named
        // by the build's manifest; a published image has them in its own wwwroot and no such manifest.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages();
        return app;
    }
}
