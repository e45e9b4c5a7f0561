using Tijdig.Tikkie.Sandbox;

// Stand-alone sandbox: dotnet run --project src/Tijdig.Tikkie.Sandbox -- --urls http://127.0.0.1:5080
// Settings come from the "TikkieSandbox" configuration section, for example
// --TikkieSandbox:DatabasePath=sandbox.db --TikkieSandbox:Apps:0:ApiKey=k --TikkieSandbox:Apps:0:AppToken=<uuid>
var builder = WebApplication.CreateBuilder(args);
var section = builder.Configuration.GetSection("TikkieSandbox");

builder.Services.AddTikkieSandbox(options =>
{
    section.Bind(options);
    foreach (var app in section.GetSection("Apps").GetChildren())
    {
        var apiKey = app["ApiKey"];
        var appToken = app["AppToken"];
        if (!string.IsNullOrWhiteSpace(apiKey) && !string.IsNullOrWhiteSpace(appToken))
        {
            options.PreregisteredApps.Add((apiKey, appToken));
        }
    }
});

var sandbox = builder.Build();
sandbox.MapGet("/", () => Results.Redirect("/tikkie-sandbox/control/clock"));
sandbox.MapTikkieSandbox();
sandbox.Run();
