using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tijdig.Data.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without starting the host. Adding
/// a migration does not connect, so the connection string only has to be well formed.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TijdigDbContext>
{
    public TijdigDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TijdigDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=tijdig_design_time");
        return new TijdigDbContext(options.Options);
    }
}
