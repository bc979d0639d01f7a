using Fengqiao.Sample.Integration.Api;

namespace Fengqiao.Sample.Integration;

/// <summary>Reads the settings from the environment, runs the integration once and exits 0 when it went through.</summary>
internal static class SampleProgram
{
    public static async Task<int> Main()
    {
        SampleSettings settings;
        try
        {
            settings = SampleSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException missing)
        {
            await Console.Error.WriteLineAsync(missing.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource(settings.Timeout);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            var outcome = await SampleIntegration.RunAsync(settings, Console.Out, stop.Token);
            Console.WriteLine($"Case {outcome.CaseId} of petition {outcome.PetitionNumber} is {outcome.CaseStatus}.");
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"Gave up after {settings.Timeout}: no accepted petition and case in time.");
            return 1;
        }
        catch (ApiException refused)
        {
            await Console.Error.WriteLineAsync($"Fengqiao answered {refused.StatusCode}: {refused.Response}");
            return 1;
        }
    }
}
