using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tijdig.Data.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TijdigDbContext>
{
    public TijdigDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TijdigDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new TijdigDbContext(options.Options);
    }
}
