using Fengqiao.Api.Hosting;
using Fengqiao.DemoData;
using Fengqiao.Dispatch;
using Fengqiao.Intake;
using Fengqiao.Integrations;
using Fengqiao.Mediation;
using Fengqiao.Metrics;
using Fengqiao.Organization;
using Fengqiao.Receptions;
using Fengqiao.Suggestions;

var builder = WebApplication.CreateBuilder(args);
builder.AddApiHost();
builder.Services.AddOrganization(builder.Configuration);
builder.Services.AddIntake(builder.Configuration);
builder.Services.AddDispatch(builder.Configuration);
builder.Services.AddReceptions(builder.Configuration);
builder.Services.AddMediation(builder.Configuration);
builder.Services.AddSuggestions(builder.Configuration);
builder.Services.AddMetrics(builder.Configuration);
builder.Services.AddIntegrations(builder.Configuration);
builder.Services.AddDemoData();

var app = builder.Build();
if (!await app.MigrateAsync(args))
{
    return;
}

app.UseApiHost();
app.MapOrganization();
app.MapIntake();
app.MapDispatch();
app.MapReceptions();
app.MapMediation();
app.MapSuggestions();
app.MapMetrics();
app.MapIntegrations();
app.MapHostEndpoints();
await app.RunAsync();
