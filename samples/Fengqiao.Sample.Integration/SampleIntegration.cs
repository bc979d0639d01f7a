using Fengqiao.Sample.Integration.Api;

namespace Fengqiao.Sample.Integration;

/// <summary>What the run achieved: the petition it registered, the acceptance webhook it verified and the case it read.</summary>
internal sealed record SampleOutcome(Guid PetitionId, string PetitionNumber, string AcceptanceWebhookId, Guid CaseId, Guid CasePetitionId, CaseStatus CaseStatus);

/// <summary>
/// The integration, step by step, through the client generated from api/openapi.json: register a petition (safe to retry
/// thanks to its Idempotency-Key), wait for the signed <c>petition.accepted</c> webhook an officer's acceptance sends, then find
/// and read the case that acceptance opened.
/// </summary>
internal static class SampleIntegration
{
    private const string ApiKeyHeader = "X-Api-Key";
    private static readonly TimeSpan CasePollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<SampleOutcome> RunAsync(SampleSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var listener = WebhookListener.Start(settings.ListenPrefix, new StandardWebhook(settings.WebhookSecret, TimeProvider.System), log);
        using var http = new HttpClient { BaseAddress = settings.BaseUrl };
        http.DefaultRequestHeaders.Add(ApiKeyHeader, settings.ApiKey);
        var api = new FengqiaoClient(http);

        var petition = new RegisterPetition
        {
            Channel = Channel.Third_party,
            Petitioners = [new PetitionerInput { Name = "王建国", Phone = "13905751234", IsRepresentative = false }],
            Persons = 1,
            Request = "请求督促开发商按合同约定交付房产证。",
            Facts = "2021 年购买的商品房至今未办理不动产权证，多次向开发商反映无果。",
            Reasons = "购房合同约定交房后 360 日内办证，开发商已逾期两年。",
            Category = "urban_rural_construction",
            RegionId = settings.RegionId,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        var idempotencyKey = Guid.NewGuid().ToString();
        var registered = await api.RegisterPetitionAsync(petition, idempotencyKey, cancellationToken);
        // A retry with the same key, as after a response lost on the way, answers the first registration instead of a second one.
        var retried = await api.RegisterPetitionAsync(petition, idempotencyKey, cancellationToken);
        if (retried.Id != registered.Id)
        {
            throw new InvalidOperationException($"The retry registered petition {retried.Id} beside {registered.Id}.");
        }

        await log.WriteLineAsync($"Registered petition {registered.Number} ({registered.Id}); waiting for its acceptance.");
        var accepted = await listener.WaitForAsync(
            w => w.Type == "petition.accepted" && w.Data.GetProperty("petitionId").GetGuid() == registered.Id, cancellationToken);
        await log.WriteLineAsync($"Petition {registered.Number} was accepted.");

        var caseId = await FindCaseAsync(api, registered.Number, cancellationToken);
        var opened = await api.GetCaseAsync(caseId, cancellationToken);
        await log.WriteLineAsync($"Read case {opened.Id}: {opened.Status}, in {opened.RegionName}.");
        return new SampleOutcome(registered.Id, registered.Number, accepted.Id, opened.Id, opened.PetitionId, opened.Status);
    }

    /// <summary>
    /// The case an acceptance opens carries the petition's number and waits in the worklist's to_assign tab; it opens as the
    /// acceptance is handed on, so it may appear a moment after the webhook.
    /// </summary>
    private static async Task<Guid> FindCaseAsync(FengqiaoClient api, string number, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? cursor = null;
            do
            {
                var page = await api.ListCasesAsync(Tab.To_assign, cursor, 100, cancellationToken);
                if (page.Items.FirstOrDefault(c => c.Number == number) is { } found)
                {
                    return found.Id;
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);

            await Task.Delay(CasePollInterval, cancellationToken);
        }
    }
}
