// Placeholder entry point; the sandbox helper replaces this file.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();
