// Runs compromise's people/places/organizations pass over a corpus and prints
// one JSON line: documents, seconds, documents/s, MB/s, entity counts.
// Usage: node compromise.js FILE_OR_DIR...   (BBC-style CSV with a text column, or JSONL with "text")
'use strict';
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');

function parseCSV(s) {
  const rows = [];
  let row = [], field = '', i = 0, q = false;
  while (i < s.length) {
    const c = s[i];
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
        q = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') { q = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = ''; i++; continue;
    }
    field += c; i++;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function texts(p) {
  const st = fs.statSync(p);
  if (st.isDirectory()) return fs.readdirSync(p).sort().flatMap(f => texts(path.join(p, f)));
  const data = fs.readFileSync(p, 'utf8');
  if (p.endsWith('.csv')) {
    const rows = parseCSV(data);
    const col = rows[0].map(h => h.trim().toLowerCase()).indexOf('text');
    return col < 0 ? [] : rows.slice(1).map(r => r[col]).filter(Boolean);
  }
  if (p.endsWith('.jsonl')) return data.split('\n').filter(Boolean).map(l => JSON.parse(l).text).filter(Boolean);
  if (p.endsWith('.txt')) return [data];
  return [];
}

const docs = process.argv.slice(2).flatMap(texts);
let bytes = 0, people = 0, places = 0, orgs = 0;
const start = process.hrtime.bigint();
for (const t of docs) {
  bytes += Buffer.byteLength(t);
  const d = nlp(t);
  people += d.people().length;
  places += d.places().length;
  orgs += d.organizations().length;
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ system: 'compromise ' + (nlp.version || ''), documents: docs.length, seconds: secs,
  documents_per_second: docs.length / secs, mb_per_second: bytes / 1e6 / secs, people, places, organizations: orgs }));
