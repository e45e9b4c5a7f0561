// Writes COUNT (default 100,000) direct debits with the npm package sepa 3.0.0: the same
// collections as Pain008WriteBenchmarks.Batch in the .NET benchmarks (one collection date, RCUR,
// accented names, remittance text). Prints the time to build and serialise the document and the
// size of the XML. Run through compare-pain008.sh, which also records peak memory.
import { writeFileSync } from "node:fs";
import SEPA from "sepa";

const count = Number(process.argv[2] ?? 100000);
const output = process.argv[3];
const pad = (n, width) => String(n).padStart(width, "0");

const started = process.hrtime.bigint();
const doc = new SEPA.Document("pain.008.001.08");
doc.grpHdr.id = "BENCH-MSG-1";
doc.grpHdr.created = new Date("2024-03-01T09:00:00+01:00");
doc.grpHdr.initiatorName = "Kinderopvang De Eik";

const info = doc.createPaymentInfo();
info.collectionDate = new Date("2024-03-06");
info.creditorIBAN = "NL91ABNA0417164300";
info.creditorName = "Kinderopvang De Eik";
info.creditorId = "NL51ZZZ405365330000";
info.sequenceType = "RCUR";
doc.addPaymentInfo(info);

for (let i = 0; i < count; i++) {
  const n = pad(i, 6);
  const tx = info.createTransaction();
  tx.debtorName = "Zoë de Vries " + n;
  tx.debtorIBAN = SEPA.checksumIBAN("NL00ABNA" + pad(i + 1000, 10));
  tx.mandateId = "MANDATE-" + n;
  tx.mandateSignatureDate = new Date("2023-01-01");
  tx.amount = 100 + (i % 500) + (i % 100) / 100;
  tx.remittanceInfo = "Kinderopvang maart factuur F-2024-" + n;
  tx.end2endId = "F-2024-" + n;
  info.addTransaction(tx);
}

const xml = doc.toString();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (output) {
  writeFileSync(output, xml);
}

console.log(`sepa@3.0.0: ${count} transactions, ${(xml.length / 1048576).toFixed(1)} MiB of XML in ${seconds.toFixed(2)} s`);
