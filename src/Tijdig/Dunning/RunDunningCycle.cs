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
/// Runs the dunning cycle for one business date: gets from the engine what is due and writes every
/// consequence (messages, Tikkie intents, dunning levels, work items, claims) in one transaction.
/// Running it again for the same date queues nothing twice: the engine sees the debtors that were
/// messaged that day, and every message has a unique idempotency key.
/// </summary>
public sealed class RunDunningCycle(
    TijdigDbContext db,
    DebtorSnapshotLoader loader,
    DunningEngine engine,
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

        foreach (var decision in decisions.Where(d => d.Representations.Count > 0))
        {
            await PlanRepresentationsAsync(decision, ct);
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

        var policy = engine.PolicyOn(date);
        var agency = await AssignAgencyAsync(policy, decision.DebtorId, date, ct);
        if (agency is null)
        {
            AddWorkItem("claims", decision.DebtorId, $"claim-unassigned:{decision.DebtorId}:{date:yyyy-MM}", "Geen incassobureau beschikbaar (maandmaximum bereikt): " + decision.Reason, date);
            return 0;
        }

        var costs = decision.CollectionCosts;
        db.AgencyClaims.Add(new AgencyClaim
        {
            DebtorId = decision.DebtorId,
            Agency = agency,
            PrincipalCents = decision.AmountCents,
            CollectionCostsCents = costs?.BaseCents ?? 0,
            CollectionCostsVatCents = costs?.VatCents ?? 0,
            InterestCents = decision.InterestCents,
            InterestCharged = policy.ChargeInterest,
            InvoiceNumbers = string.Join(",", decision.Invoices.Select(i => i.InvoiceNumber)),
            StatutoryLetterSentOn = decision.StatutoryLetterSentOn,
            StatutoryTermEnd = decision.StatutoryTermEnd,
            CreatedOn = date,
            Status = ClaimStatus.Created,
            StatusChangedOn = date,
        });
        AddWorkItem("claims", decision.DebtorId, $"claim:{decision.DebtorId}:{date:yyyy-MM-dd}", decision.Reason, date);
        return 1;
    }

    /// <summary>Returns the key of the agency for a new claim by the configured rule, or null when every agency is full this month.</summary>
    private async Task<string?> AssignAgencyAsync(DunningPolicy policy, long debtorId, DateOnly date, CancellationToken ct)
    {
        if (policy.Agencies.Count == 0)
        {
            return "incassobureau";
        }

        // Claims already added in this cycle count as well.
        var earlier = (await db.AgencyClaims.AsNoTracking().Select(c => new { c.Agency, c.CreatedOn }).ToListAsync(ct))
            .Concat(db.AgencyClaims.Local.Select(c => new { c.Agency, c.CreatedOn }))
            .ToList();
        var monthStart = new DateOnly(date.Year, date.Month, 1);
        var thisMonth = earlier.Where(c => c.CreatedOn >= monthStart).GroupBy(c => c.Agency).ToDictionary(g => g.Key, g => g.Count());
        var total = earlier.GroupBy(c => c.Agency).ToDictionary(g => g.Key, g => g.Count());
        var postcode = await db.Debtors.Where(d => d.Id == debtorId).Select(d => d.Postcode).FirstOrDefaultAsync(ct);

        return AgencyAssigner.Assign(policy.AgencyAssignment, policy.Agencies, postcode, thisMonth, total)?.Key;
    }

    /// <summary>Marks the invoices whose direct debit goes out again; the next direct-debit export picks them up.</summary>
    private async Task PlanRepresentationsAsync(DunningDecision decision, CancellationToken ct)
    {
        var dates = decision.Representations.ToDictionary(r => r.InvoiceId, r => r.CollectionDate);
        foreach (var invoice in await db.Invoices.Where(i => dates.Keys.Contains(i.Id)).ToListAsync(ct))
        {
            invoice.RepresentOn = dates[invoice.Id];
        }
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

            // The letter must state exactly what the engine decided, so the numbers travel with the message.
            CollectionCostsCents = decision.CollectionCosts?.TotalCents,
            CollectionCostsVatCents = decision.CollectionCosts?.VatCents,
            StatutoryTermEnd = decision.StatutoryTermEnd,
            InterestCents = decision.CollectionCosts is null ? null : decision.InterestCents,
            PolicyVersion = string.IsNullOrEmpty(decision.PolicyVersion) ? null : decision.PolicyVersion,
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
