using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tijdig.Domain.Access;
using Tijdig.Domain.Arrangements;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Data;

/// <summary>The unit of work for the whole ledger. Runs on SQLite (embedded) and PostgreSQL.</summary>
public sealed class TijdigDbContext(DbContextOptions<TijdigDbContext> options) : DbContext(options)
{
    public DbSet<Debtor> Debtors => Set<Debtor>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<DirectDebitCollection> Collections => Set<DirectDebitCollection>();

    public DbSet<BankImport> BankImports => Set<BankImport>();

    public DbSet<BankTransaction> BankTransactions => Set<BankTransaction>();

    public DbSet<BankStatementRecord> BankStatements => Set<BankStatementRecord>();

    public DbSet<PaymentRequestRecord> PaymentRequests => Set<PaymentRequestRecord>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<AgencyClaim> AgencyClaims => Set<AgencyClaim>();

    public DbSet<CycleRun> CycleRuns => Set<CycleRun>();

    public DbSet<ProcessedNotification> ProcessedNotifications => Set<ProcessedNotification>();

    public DbSet<AppSetting> Settings => Set<AppSetting>();

    public DbSet<PaymentArrangement> Arrangements => Set<PaymentArrangement>();

    public DbSet<Instalment> Instalments => Set<Instalment>();

    public DbSet<DeliveryReport> DeliveryReports => Set<DeliveryReport>();

    public DbSet<MessageTemplateVersion> MessageTemplates => Set<MessageTemplateVersion>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<DunningPause> DunningPauses => Set<DunningPause>();

    public DbSet<BackOfficeUser> BackOfficeUsers => Set<BackOfficeUser>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // SQLite cannot compare or sort DateTimeOffset values; store them as sortable numbers there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
        else
        {
            // PostgreSQL's timestamptz takes UTC only; local offsets are converted on the way in.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Debtor>(debtor =>
        {
            debtor.HasIndex(d => d.DebtorNumber).IsUnique();
            debtor.HasIndex(d => d.MandateId);
            debtor.HasIndex(d => d.Iban);
            debtor.Property(d => d.DebtorNumber).HasMaxLength(35);
            debtor.Property(d => d.Name).HasMaxLength(140);
            debtor.HasMany(d => d.Contracts).WithOne().HasForeignKey(c => c.DebtorId);
            debtor.HasMany(d => d.Invoices).WithOne(i => i.Debtor).HasForeignKey(i => i.DebtorId);
        });

        modelBuilder.Entity<Contract>().HasIndex(c => c.ContractNumber).IsUnique();

        modelBuilder.Entity<Invoice>(invoice =>
        {
            invoice.HasIndex(i => i.InvoiceNumber).IsUnique();
            invoice.HasIndex(i => i.PaymentReference);
            invoice.HasIndex(i => new { i.DebtorId, i.OpenCents });
            invoice.Ignore(i => i.IsOpen);
        });

        modelBuilder.Entity<Payment>(payment =>
        {
            payment.HasIndex(p => new { p.Source, p.ExternalReference }).IsUnique();
            payment.HasMany(p => p.Allocations).WithOne().HasForeignKey(a => a.PaymentId);
        });

        modelBuilder.Entity<Allocation>().HasIndex(a => a.InvoiceId);

        modelBuilder.Entity<DirectDebitCollection>(collection =>
        {
            collection.HasIndex(c => c.EndToEndId).IsUnique();
            collection.HasIndex(c => new { c.MandateId, c.CollectionDate });
            collection.HasIndex(c => c.InvoiceId);
            collection.HasIndex(c => c.PaymentInformationId);
        });

        modelBuilder.Entity<BankImport>().HasIndex(i => i.Sha256).IsUnique();
        modelBuilder.Entity<BankStatementRecord>().HasIndex(s => s.IdentityKey).IsUnique();
        modelBuilder.Entity<BankTransaction>(transaction =>
        {
            transaction.HasIndex(t => t.EntryKey).IsUnique();
            transaction.HasIndex(t => t.Outcome);
        });

        modelBuilder.Entity<PaymentRequestRecord>(request =>
        {
            request.HasIndex(r => r.ReferenceId).IsUnique();
            request.HasIndex(r => r.Token);
            request.HasIndex(r => new { r.State, r.ExpiryDate });
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.HasIndex(m => m.IdempotencyKey).IsUnique();
            message.HasIndex(m => new { m.Status, m.BusinessDate });
            message.HasIndex(m => new { m.DebtorId, m.BusinessDate });
            message.HasIndex(m => m.ProviderReference);
            message.Ignore(m => m.ClientReference);
        });

        modelBuilder.Entity<DeliveryReport>().HasIndex(r => r.ProviderReference);
        modelBuilder.Entity<MessageTemplateVersion>().HasIndex(t => new { t.Step, t.Channel, t.Language, t.Version }).IsUnique();
        modelBuilder.Entity<Letter>(letter =>
        {
            letter.HasIndex(l => l.MessageId).IsUnique();
            letter.HasIndex(l => new { l.ExportedAt, l.SendingDate });
        });

        modelBuilder.Entity<WorkItem>().HasIndex(w => w.Key).IsUnique();
        modelBuilder.Entity<AgencyClaim>().HasIndex(c => c.DebtorId);
        modelBuilder.Entity<ProcessedNotification>().HasKey(n => n.Key);
        modelBuilder.Entity<AppSetting>().HasKey(s => s.Key);

        modelBuilder.Entity<PaymentArrangement>(arrangement =>
        {
            arrangement.HasIndex(a => new { a.DebtorId, a.Status });
            arrangement.HasMany(a => a.Instalments).WithOne().HasForeignKey(i => i.ArrangementId);
        });

        modelBuilder.Entity<BackOfficeUser>(user =>
        {
            user.HasIndex(u => u.UserName).IsUnique();
            user.Property(u => u.UserName).HasMaxLength(64);
            user.Property(u => u.DisplayName).HasMaxLength(100);
        });
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as the same instant in UTC.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value);
