using System.Net;
using System.Text.RegularExpressions;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Setup;

/// <summary>The README's "Running the gateway" commands run as written (issue 23, item 13: the one shown before stopped
/// after 2 s on the shipped Twilio placeholder). Each <c>dotnet run --project src/SmsGateway -- ...</c> line of the
/// section is run with its own arguments, in order, in a fresh directory, on the program <c>dotnet run</c> builds; only
/// the listening port is a free one, and the office fills in its file between the commands as the README says.</summary>
public sealed class ReadmeCommandTests : IDisposable
{
    private const string Run = "dotnet run --project src/SmsGateway -- ";
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-readme-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<string[]> GatewayCommands()
    {
        var readme = File.ReadAllText(Path.Combine(TestOffice.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("\n## Running the gateway\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section 'Running the gateway'");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return Regex.Matches(section, "```bash\n(.*?)```", RegexOptions.Singleline)
            .SelectMany(block => block.Groups[1].Value.Split('\n'))
            .Where(line => line.StartsWith(Run, StringComparison.Ordinal))
            .Select(line => line[Run.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    [Fact]
    public async Task RunningTheGateway_EveryCommand_RunsAsWritten()
    {
        var commands = GatewayCommands();
        Assert.Equal(["--environment", "--init-config", "--config"], commands.Select(c => c[0]));
        foreach (var args in commands)
        {
            Assert.DoesNotContain(args, a => a.Contains("...", StringComparison.Ordinal) || a.Contains('<'));
            switch (args[0])
            {
                case "--init-config":
                    var (exit, stderr, _) = await GatewayProcess.RunAsync(_dir, "petra\nSlunecnice-na-radnici-7\n", args);
                    Assert.True(exit == 0, stderr);
                    OfficeConfigInitTests.FillIn(Path.Combine(_dir, args[1])); // "Fill in the file's Twilio values ... and Redis"
                    break;
                case "--config":
                    await GatewayProcess.ServeAsync(_dir, args, async http =>
                        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode));
                    break;
                default: // trying it out: the citizens' page answers
                    await GatewayProcess.ServeAsync(_dir, args, async http =>
                        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/")).StatusCode));
                    break;
            }
        }
    }
}
