using Tijdig.Domain.Ledger;

namespace Tijdig.Banking;

/// <summary>
/// In-memory lookups over the invoices, debtors and collections one import can touch, so matching
/// costs a dictionary lookup per entry instead of a query. The entities are the tracked ones of the
/// import's context: bookings change them in place and the lookups see the change at once.
/// </summary>
public sealed class ReconciliationIndex
{
    private readonly Dictionary<string, Invoice> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Invoice> _byNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Invoice> _byId = [];
    private readonly Dictionary<long, List<Invoice>> _byDebtor = [];
    private readonly Dictionary<string, Debtor> _debtorsByNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<long>> _debtorsByIban = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectDebitCollection> _collectionsByEndToEnd = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DirectDebitCollection>> _collectionsByMandate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DirectDebitCollection>> _collectionsByBatch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DirectDebitCollection>> _collectionsByMessage = new(StringComparer.Ordinal);

    /// <summary>Builds the lookups. Duplicated invoices or debtors (the same entity twice) are ignored.</summary>
    public static ReconciliationIndex Build(IEnumerable<Invoice> invoices, IEnumerable<Debtor> debtors, IEnumerable<DirectDebitCollection> collections)
    {
        var index = new ReconciliationIndex();
        foreach (var invoice in invoices)
        {
            index.Add(invoice);
        }

        foreach (var debtor in debtors)
        {
            index.Add(debtor);
        }

        foreach (var collection in collections)
        {
            index.Add(collection);
        }

        // Oldest first, so "else oldest first" allocation and the subset search see the same order.
        foreach (var list in index._byDebtor.Values)
        {
            list.Sort(static (a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : a.Id.CompareTo(b.Id));
        }

        return index;
    }

    public int InvoiceCount => _byId.Count;

    public Invoice? InvoiceByReference(string reference) => _byReference.GetValueOrDefault(reference);

    public Invoice? InvoiceByNumber(string number) => _byNumber.GetValueOrDefault(number);

    public Invoice? InvoiceById(long id) => _byId.GetValueOrDefault(id);

    public Debtor? DebtorByNumber(string number) => _debtorsByNumber.GetValueOrDefault(number);

    /// <summary>The debtors whose stored IBAN is <paramref name="normalizedIban"/>; usually one, sometimes two parents on one account.</summary>
    public IReadOnlyList<long> DebtorsByIban(string normalizedIban) => _debtorsByIban.GetValueOrDefault(normalizedIban) ?? [];

    /// <summary>The debtor's invoices that are still open, oldest due date first.</summary>
    public List<Invoice> OpenInvoices(long debtorId) =>
        _byDebtor.TryGetValue(debtorId, out var invoices) ? invoices.Where(static i => i.OpenCents > 0).ToList() : [];

    public DirectDebitCollection? CollectionByEndToEndId(string endToEndId) => _collectionsByEndToEnd.GetValueOrDefault(endToEndId);

    public IReadOnlyList<DirectDebitCollection> CollectionsByMandate(string mandateId) => _collectionsByMandate.GetValueOrDefault(mandateId) ?? [];

    public IReadOnlyList<DirectDebitCollection> CollectionsByPaymentInformationId(string paymentInformationId) =>
        _collectionsByBatch.GetValueOrDefault(paymentInformationId) ?? [];

    public IReadOnlyList<DirectDebitCollection> CollectionsByMessageId(string messageId) => _collectionsByMessage.GetValueOrDefault(messageId) ?? [];

    private void Add(Invoice invoice)
    {
        if (!_byId.TryAdd(invoice.Id, invoice))
        {
            return;
        }

        _byReference.TryAdd(invoice.PaymentReference, invoice);
        _byNumber.TryAdd(invoice.InvoiceNumber, invoice);
        if (!_byDebtor.TryGetValue(invoice.DebtorId, out var list))
        {
            _byDebtor[invoice.DebtorId] = list = [];
        }

        list.Add(invoice);
    }

    private void Add(Debtor debtor)
    {
        if (!_debtorsByNumber.TryAdd(debtor.DebtorNumber, debtor) || debtor.Iban is null)
        {
            return;
        }

        if (!_debtorsByIban.TryGetValue(debtor.Iban, out var ids))
        {
            _debtorsByIban[debtor.Iban] = ids = [];
        }

        ids.Add(debtor.Id);
    }

    private void Add(DirectDebitCollection collection)
    {
        if (!_collectionsByEndToEnd.TryAdd(collection.EndToEndId, collection))
        {
            return;
        }

        AddTo(_collectionsByMandate, collection.MandateId, collection);
        AddTo(_collectionsByBatch, collection.PaymentInformationId, collection);
        AddTo(_collectionsByMessage, collection.MessageId, collection);
    }

    private static void AddTo(Dictionary<string, List<DirectDebitCollection>> lookup, string key, DirectDebitCollection collection)
    {
        if (!lookup.TryGetValue(key, out var list))
        {
            lookup[key] = list = [];
        }

        list.Add(collection);
    }
}
