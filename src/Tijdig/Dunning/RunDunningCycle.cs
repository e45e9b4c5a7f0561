using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Tijdig.Messaging;

namespace Tijdig.Dunning;

public sealed record CycleResult(DateOnly Date, IReadOnlyDictionary<string, int> DecisionsByStep, int MessagesQueued, int PaymentRequestsQueued, int WorkItems, int Claims);

/// <summary>
/// Runs the dunning cycle for one business date: asks the engine what is due and writes every
/// consequence (messages, Tikkie intents, dunning levels, work items, claims) in one transaction.
/// Running it again for the same date queues nothing twice: the engine sees the debtors that were
/// messaged that day, and every message has a unique idempotency key.
/// </summary>
public sealed class RunDunningCycle(
    TijdigDbContext db,
    DebtorSnapshotLoader loader,
    DunningEngine engine,
    DunningPolicy policy,
    BusinessCalendar calendar,
    ILogger<RunDunningCycle> logger)
{
    public async Task<CycleResult> RunAsync(DateOnly date, CancellationToken ct)
    {
        var run = new CycleRun { BusinessDate = date, StartedAt = calendar.Now };
        var snapshots = await loader.LoadAsync(date, ct);
        var decisions = engine.Decide(snapshots, date);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var byStep = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var messages = 0;
        var requests = 0;
        var workItems = 0;
        var claims = 0;

        foreach (var decision in decisions)
        {
            byStep[decision.Step] = byStep.GetValueOrDefault(decision.Step) + 1;
            await MarkReturnsHandledAsync(decision, date, ct);

            switch (decision.Kind)
            {
                case DecisionKind.SwitchToManualPayment:
                    await SwitchToManualAsync(decision, date, ct);
                    workItems++;
                    continue;
                case DecisionKind.NoContactDetails:
                    workItems += AddWorkItem("contact", decision.DebtorId, $"no-contact:{decision.DebtorId}:{decision.Step}", "Geen mobiel nummer of e-mailadres bekend: " + decision.Reason, date);
                    continue;
                case DecisionKind.Termination:
                    claims += await TerminateAsync(decision, date, ct);
                    break;
            }

            var request = decision.PaymentRequestPurpose is { } purpose && decision.AmountCents > 0
                ? await AddPaymentRequestAsync(decision, purpose, date, ct)
                : null;
            if (request is not null)
            {
                requests++;
            }

            foreach (var channel in decision.Channels)
            {
                messages += await AddMessageAsync(decision, channel, request, date, ct);
            }

            await UpdateInvoicesAsync(decision, date, ct);
        }

        run.DecisionCount = decisions.Count;
        run.MessagesQueued = messages;
        run.CompletedAt = calendar.Now;
        db.CycleRuns.Add(run);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Dunning cycle for {Date}: {Decisions} decisions, {Messages} messages queued", date, decisions.Count, messages);
        return new CycleResult(date, byStep, messages, requests, workItems, claims);
    }

    private async Task MarkReturnsHandledAsync(DunningDecision decision, DateOnly date, CancellationToken ct)
    {
        if (decision.HandledReturns.Count == 0)
        {
            return;
        }

        var ids = decision.HandledReturns.Select(r => r.CollectionId).ToList();
        foreach (var collection in await db.Collections.Where(c => ids.Contains(c.Id)).ToListAsync(ct))
        {
            collection.HandledOn = date;
        }
    }

    private async Task SwitchToManualAsync(DunningDecision decision, DateOnly date, CancellationToken ct)
    {
        var debtor = await db.Debtors.FirstAsync(d => d.Id == decision.DebtorId, ct);
        debtor.PaymentMethod = PaymentMethod.Transfer;
        foreach (var returned in decision.HandledReturns)
        {
            AddWorkItem("returns", decision.DebtorId, $"return:{returned.CollectionId}", decision.Reason, date);
        }
    }

    private int AddWorkItem(string queue, long debtorId, string key, string description, DateOnly date)
    {
        if (db.WorkItems.Local.Any(w => w.Key == key) || db.WorkItems.Any(w => w.Key == key))
        {
            return 0;
        }

        db.WorkItems.Add(new WorkItem { Queue = queue, DebtorId = debtorId, Key = key, Description = description, CreatedOn = date });
        return 1;
    }

    private async Task<int> TerminateAsync(DunningDecision decision, DateOnly date, CancellationToken ct)
    {
        foreach (var contract in await db.Contracts.Where(c => c.DebtorId == decision.DebtorId && c.Status == ContractStatus.Active).ToListAsync(ct))
        {
            contract.Status = ContractStatus.MarkedForTermination;
            contract.MarkedForTerminationOn = date;
        }

        // Agencies take claims in turn, so that both see the same mix of cases.
        var agencies = policy.Agencies.Count > 0 ? policy.Agencies : ["Incassobureau"];
        var claimCount = await db.AgencyClaims.CountAsync(ct);
        db.AgencyClaims.Add(new AgencyClaim
        {
            DebtorId = decision.DebtorId,
            Agency = agencies[claimCount % agencies.Count],
            PrincipalCents = decision.AmountCents,
            CollectionCostsCents = CollectionCosts.CalculateCents(decision.AmountCents),
            InvoiceNumbers = string.Join(",", decision.Invoices.Select(i => i.InvoiceNumber)),
            CreatedOn = date,
            Status = ClaimStatus.Created,
        });
        AddWorkItem("claims", decision.DebtorId, $"claim:{decision.DebtorId}:{date:yyyy-MM-dd}", decision.Reason, date);
        return 1;
    }

    private async Task<PaymentRequestRecord?> AddPaymentRequestAsync(DunningDecision decision, PaymentRequestPurpose purpose, DateOnly date, CancellationToken ct)
    {
        var referenceId = PaymentRequestReferences.Create(decision.DebtorNumber, date, purpose);
        var existing = await db.PaymentRequests.FirstOrDefaultAsync(r => r.ReferenceId == referenceId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var record = new PaymentRequestRecord
        {
            DebtorId = decision.DebtorId,
            Purpose = purpose,
            ReferenceId = referenceId,
            Description = PaymentRequestReferences.Description(decision.Invoices.Select(i => i.InvoiceNumber).ToList()),
            AmountCents = decision.AmountCents,
            InvoiceNumbers = string.Join(",", decision.Invoices.Select(i => i.InvoiceNumber)),
            ExpiryDate = date.AddDays(decision.PaymentRequestExpiryDays),
            State = PaymentRequestState.Intent,
            CreatedAt = calendar.Now,
        };
        db.PaymentRequests.Add(record);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task<int> AddMessageAsync(DunningDecision decision, MessageChannel channel, PaymentRequestRecord? request, DateOnly date, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{decision.DebtorId}:{decision.Step}:{channel}:{date:yyyy-MM-dd}");
        if (await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct))
        {
            return 0;
        }

        db.Outbox.Add(new OutboxMessage
        {
            IdempotencyKey = key,
            DebtorId = decision.DebtorId,
            Channel = channel,
            Step = decision.Step,
            BusinessDate = date,
            AmountCents = decision.AmountCents,
            InvoiceNumbers = string.Join(",", decision.Invoices.Select(i => i.InvoiceNumber)),
            PaymentRequestId = request?.Id,
            Status = MessageStatus.Queued,
            CreatedAt = calendar.Now,
            Reason = decision.Reason,
        });
        return 1;
    }

    private async Task UpdateInvoicesAsync(DunningDecision decision, DateOnly date, CancellationToken ct)
    {
        var ids = decision.Invoices.Select(i => i.InvoiceId).ToList();
        foreach (var invoice in await db.Invoices.Where(i => ids.Contains(i.Id)).ToListAsync(ct))
        {
            if (decision.Kind == DecisionKind.PreReminder)
            {
                invoice.PreReminderSentOn = date;
            }

            if (decision.NewDunningLevel > invoice.DunningLevel)
            {
                invoice.DunningLevel = decision.NewDunningLevel;
            }

            if (decision.IsStatutoryNotice)
            {
                invoice.LastChanceSentOn ??= date;
            }
        }
    }
}
