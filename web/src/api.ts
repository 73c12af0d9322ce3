// The JSON API under /api/ (see /api/openapi.json). Every request is a GET
// to this server; parameters are passed through URLSearchParams.

export type Params = Record<string, string | number | undefined | null>;

export function qs(p: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v !== undefined && v !== null && v !== "") u.set(k, String(v));
  }
  const s = u.toString();
  return s ? "?" + s : "";
}

export async function get<T>(path: string, p: Params = {}): Promise<T> {
  const r = await fetch(path + qs(p), { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => null);
  if (!r.ok) {
    const msg = body && body.error && body.error.message ? body.error.message : r.statusText;
    throw new Error(`${path}: ${msg}`);
  }
  return body as T;
}

// Count is a list's total: with total_exact false, counting stopped at
// the server's cap and more than total rows match.
export interface Count {
  total: number;
  total_exact: boolean;
}

export interface Page<T> extends Count {
  items: T[];
  limit: number;
  offset: number;
  next_offset: number | null;
}
export interface Actor {
  name: string;
  actor: string;
}
export interface EventRow {
  doc_id: string;
  published: string | null;
  index: number;
  start: number;
  end: number;
  text: string;
  sentence_start: number;
  sentence_end: number;
  sentence: string;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  plover: string;
  plover_mode: string;
  source: Actor | null;
  target: Actor | null;
  location: string;
  country: string;
  negated: boolean;
  hypothetical: boolean;
  reported: boolean;
  date: string;
}
export interface QuoteRow {
  doc_id: string;
  published: string | null;
  index: number;
  start: number;
  end: number;
  text: string;
  direct: boolean;
  speaker: string;
  speaker_actor: string;
}
export interface CountRow {
  doc_id: string;
  published: string | null;
  index: number;
  start: number;
  end: number;
  text: string;
  value: number;
  upper: number | null;
  unit: string;
  currency: string;
  object: string;
  category: string;
  attributed_to: string;
  sentence_start: number;
  sentence_end: number;
  sentence: string;
  place: string;
  country: string;
}
export interface DocSummary {
  id: string;
  title: string;
  source: string;
  published: string | null;
  events: number;
  quotes: number;
  counts: number;
}
export interface SearchHit {
  doc_id: string;
  title: string;
  published: string | null;
  snippet: string;
}
export interface Group {
  key: string;
  count: number;
  goldstein: number | null;
}
export interface SeriesPoint {
  bucket: string;
  key: string;
  count: number;
  goldstein: number | null;
}
export interface Edge {
  source: string;
  source_name: string;
  target: string;
  target_name: string;
  count: number;
  goldstein: number;
}
export interface NetNode {
  id: string;
  name: string;
  count: number;
  goldstein: number;
}
export interface PlaceFeature {
  geometry: { coordinates: [number, number] };
  properties: { name: string; country: string; count: number; goldstein: number | null };
}
export interface Stats {
  documents: number;
  events: number;
  quotes: number;
  counts: number;
}

// The output contract of one document (document/output.schema.json), the
// parts the article view shows.
export interface Span {
  start: number;
  end: number;
  text?: string;
}
export interface DocOutput {
  id: string;
  title: string;
  url: string;
  source?: string;
  published: string | null;
  text?: string;
  topic?: { label: string; p: number };
  sentences: Span[];
  mentions: (Span & { type: string; kind: string; entity: number | null; actor?: string | null })[];
  entities: { name: string; type: string; actor?: string | null; mentions: number[] }[];
  quotes: (Span & { direct: boolean; cue?: string | null; speaker?: (Span & { name: string; entity?: number | null }) | null })[];
  counts: (Span & { value: number; object?: string | null; category?: string | null; sentence?: number; location?: number | null })[];
  locations: (Span & { name: string; country?: string | null; lat?: number | null; lon?: number | null; feature?: string | null })[];
  events: (Span & {
    code: string;
    root: string;
    quad: number;
    goldstein: number;
    plover?: string | null;
    sentence: number;
    source?: { name: string; actor?: string | null } | null;
    target?: { name: string; actor?: string | null } | null;
    negated?: boolean;
    hypothetical?: boolean;
  })[];
}

type OpenAPIPaths = Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
let paths: Promise<OpenAPIPaths> | null = null;

function openAPIPaths(): Promise<OpenAPIPaths> {
  if (!paths) {
    paths = get<{ paths: OpenAPIPaths }>("/api/openapi.json").then((d) => d.paths || {}).catch(() => ({}));
  }
  return paths;
}

// hasPath tells whether this server documents an API path (feature
// detection: corpus figures and events come with a later store).
export function hasPath(p: string): Promise<boolean> {
  return openAPIPaths().then((ps) => p in ps);
}

// documented keeps the parameters that the server documents for path, so a
// view can pass its filters to an endpoint that takes only some of them.
export async function documented(path: string, p: Params): Promise<Params> {
  const op = (await openAPIPaths())[path];
  const names = new Set((op && op.get && op.get.parameters ? op.get.parameters : []).filter((x) => x.in === "query").map((x) => x.name));
  const out: Params = {};
  for (const [k, v] of Object.entries(p)) if (names.has(k)) out[k] = v;
  return out;
}
