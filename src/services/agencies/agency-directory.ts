/**
 * The social-agency directory (`data/agencies/<region>.yaml`): offices people can visit (Social Fund client
 * services, МФЦ, social-protection offices, the regional ministry), the regional hotlines and region-wide networks,
 * and a small gazetteer of the towns and districts the offices are in. Every record carries its source and date;
 * a field no source gave is absent, and the cards say so instead of guessing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { KnowledgeProblem } from '../../knowledge/problems.js';
import { parseWeeklyHours, type WeeklyHours } from './opening-hours.js';

export const AGENCY_KINDS = ['sfr-client-service', 'mfc', 'social-protection', 'regional-ministry'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type DirectoryRegion = 'perm' | 'volgograd';

export interface Place {
  id: string;
  region: DirectoryRegion;
  /** How cards name it: "Волжский", "Пермь, Индустриальный район". */
  name: string;
  /** Lower-case names people type (without "г.", "город"). */
  names: string[];
  /** A district's city. */
  parent?: string;
  /** The settlement's centre (latitude, longitude), not any office; absent where no source gave it. */
  centre?: { lat: number; lon: number };
}

export interface Agency {
  id: string;
  region: DirectoryRegion;
  kind: AgencyKind;
  name: string;
  /** A button label (at most 40 characters: VK cuts longer ones). */
  short: string;
  place: string;
  address?: string;
  phone?: string;
  hours?: WeeklyHours;
  about?: string;
  website?: string;
  /** The office's own coordinates, where a source gave them. */
  coordinates?: { lat: number; lon: number };
  source: string;
  /** The source's date: YYYY, YYYY-MM or YYYY-MM-DD, or "unknown". */
  asOf: string;
  confidence: 'low' | 'medium' | 'high';
}

export interface Hotline {
  id: string;
  region: DirectoryRegion;
  name: string;
  phone: string;
  about?: string;
  hoursText?: string;
  source: string;
  asOf: string;
}

export interface AgencyNetwork {
  id: string;
  region: DirectoryRegion;
  kind: AgencyKind;
  name: string;
  website?: string;
  about?: string;
  hoursText?: string;
  source: string;
  asOf: string;
}

export interface RegionDirectory {
  region: DirectoryRegion;
  /** Hours offset from UTC (Perm +5, Volgograd +3; Russia has no daylight saving time). */
  utcOffsetHours: number;
  /** When the records were gathered. */
  collected: string;
  hotlines: Hotline[];
  networks: AgencyNetwork[];
  places: Place[];
  agencies: Agency[];
}

export interface AgencyDirectory {
  regions: readonly RegionDirectory[];
  region(region: DirectoryRegion): RegionDirectory | undefined;
  agency(id: string): Agency | undefined;
  place(id: string): Place | undefined;
  /** Every office, both regions. */
  agencies: readonly Agency[];
  places: readonly Place[];
}

/** One number in a phone field: as written, where it starts, and what to dial (+7 and ten digits) when it is whole. */
export interface PhoneNumber {
  text: string;
  index: number;
  dial?: string;
}

/** A run of digits with the spaces, dashes and brackets people write numbers with, and a leading "+". */
const NUMBER = /\+?[\d(][\d\s()-]*\d/g;

/**
 * The numbers in a phone field ("приёмная: (8442) 30-80-00", "+7 (84465) 4-12-32; +7 (84465) 4-12-59"). A number
 * without its area code ("30-80-00") has nothing to dial: from a mobile it reaches no one.
 */
export function phoneNumbers(phone: string): PhoneNumber[] {
  return [...phone.matchAll(NUMBER)].map((m) => {
    const digits = m[0].replace(/\D/g, '');
    const dial =
      digits.length === 11 && /^[78]/.test(digits)
        ? `+7${digits.slice(1)}`
        : digits.length === 10
          ? `+7${digits}`
          : undefined;
    return { text: m[0], index: m.index, ...(dial ? { dial } : {}) };
  });
}

/** The part of an address that names the street ("ул. Пролетарская", "шоссе Космонавтов", "пр. Жукова"). */
const STREET =
  /^(?:ул\.|улица|пр\.|пр-т|проспект|шоссе|пер\.|переулок|б-р|бульвар|пл\.|площадь|наб\.|набережная|проезд|тракт|мкр\.?|микрорайон)\s/i;
/** A house number after the street: "14/2", "3а", "д. 12". */
const HOUSE = /^(?:д\.\s*)?(\d[\dа-яё/-]*)$/i;

/**
 * The street and house of an address, for a button that has room for little else: "403538, Волгоградская обл., г.
 * Фролово, ул. Пролетарская, д. 12" → "ул. Пролетарская, 12"; "улица Ленина, 92, офис 100" → "ул. Ленина, 92".
 * Undefined when no part of the address is a street.
 */
export function streetOf(address: string): string | undefined {
  const parts = address
    .replace(/\s*\([^)]*\)/g, '')
    .split(',')
    .map((p) => p.trim());
  const at = parts.findIndex((p) => STREET.test(p));
  if (at < 0) return undefined;
  const street = parts[at]!.replace(/^улица\s/i, 'ул. ');
  const house = HOUSE.exec(parts[at + 1] ?? '')?.[1];
  return house ? `${street}, ${house}` : street;
}

/** Local numbers (five to nine digits) in a phone field: a curator should add the town's area code. */
function numbersWithoutAreaCode(phone: string): string[] {
  return phoneNumbers(phone)
    .filter((n) => !n.dial && n.text.replace(/\D/g, '').length >= 5)
    .map((n) => n.text);
}

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'use 2–40 lower-case latin letters, digits and dashes');
const asOf = z
  .union([z.string(), z.number()])
  .transform(String)
  .refine(
    (v) => /^(\d{4}(-\d{2}(-\d{2})?)?|unknown)$/.test(v),
    'must be YYYY, YYYY-MM, YYYY-MM-DD or "unknown"',
  );
const textField = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'is empty: leave the field out when no source gives it');
const kind = z.enum(AGENCY_KINDS, { error: `must be one of ${AGENCY_KINDS.join(', ')}` });
const url = z.string().regex(/^https?:\/\/\S+$/, 'must start with http:// or https://');
const latLon = z
  .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)], {
    error: 'must be [latitude, longitude] in degrees',
  })
  .transform(([lat, lon]) => ({ lat, lon }));

const hotlineSchema = z.strictObject({
  id,
  name: textField,
  phone: textField,
  about: textField.optional(),
  hours_text: textField.optional(),
  source: textField,
  as_of: asOf,
});

const networkSchema = z.strictObject({
  id,
  kind,
  name: textField,
  website: url.optional(),
  about: textField.optional(),
  hours_text: textField.optional(),
  source: textField,
  as_of: asOf,
});

const placeSchema = z.strictObject({
  id,
  name: textField,
  names: z.array(textField).min(1, 'needs at least one name people type'),
  parent: id.optional(),
  centre: latLon.optional(),
  centre_source: textField.optional(),
});

const agencySchema = z.strictObject({
  id,
  kind,
  name: textField,
  short: textField.max(40, 'must fit a button: at most 40 characters'),
  place: id,
  address: textField.optional(),
  phone: z.union([textField, z.number()]).transform(String).optional(),
  hours: z.record(z.string(), z.string()).optional(),
  about: textField.optional(),
  website: url.optional(),
  coordinates: latLon.optional(),
  source: textField,
  as_of: asOf,
  confidence: z.enum(['low', 'medium', 'high'], { error: 'must be low, medium or high' }),
});

const fileSchema = z.strictObject({
  region: z.enum(['perm', 'volgograd']),
  utc_offset_hours: z.number().int().min(2).max(12),
  collected: z.union([z.string(), z.number()]).transform(String),
  hotlines: z
    .array(z.unknown())
    .min(1, 'needs at least the regional hotline (the fallback where the directory is thin)'),
  networks: z.array(z.unknown()).default([]),
  places: z.array(z.unknown()),
  agencies: z.array(z.unknown()),
});

const SINGULAR: Record<string, string> = {
  hotlines: 'hotline',
  networks: 'network',
  places: 'place',
  agencies: 'agency',
};

function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  return path ? `${path} ${issue.message}` : issue.message;
}

function parseRegionFile(
  dataDir: string,
  name: string,
): { directory?: RegionDirectory; problems: KnowledgeProblem[] } {
  const file = `data/agencies/${name}`;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(join(dataDir, 'agencies', name), 'utf8'), { lineCounter: lines });
  const problems: KnowledgeProblem[] = doc.errors.map((e) => ({
    severity: 'error' as const,
    file,
    line: e.linePos?.[0]?.line,
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { problems };
  const top = fileSchema.safeParse(doc.toJSON());
  if (!top.success) {
    for (const issue of top.error.issues)
      problems.push({ severity: 'error', file, message: issueText(issue) });
    return { problems };
  }
  const { region } = top.data;
  /** The line of item `index` of the top-level list `key`. */
  const lineOfItem = (key: string, index: number): number | undefined => {
    const seq = isMap(doc.contents) ? doc.contents.get(key, true) : undefined;
    const node = isSeq(seq)
      ? (seq.items[index] as { range?: [number, number, number] } | undefined)
      : undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  const parseList = <S extends z.ZodType, T>(
    key: string,
    items: unknown[],
    schema: S,
    build: (v: z.infer<S>, line: number | undefined) => T | undefined,
  ): T[] => {
    const out: T[] = [];
    items.forEach((raw, index) => {
      const line = lineOfItem(key, index);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const label = (raw as { id?: unknown } | null)?.id;
        for (const issue of parsed.error.issues) {
          problems.push({
            severity: 'error',
            file,
            line,
            message: `${SINGULAR[key] ?? key} ${label ? `"${String(label)}"` : `#${index + 1}`}: ${issueText(issue)}`,
          });
        }
        return;
      }
      const built = build(parsed.data, line);
      if (built) out.push(built);
    });
    return out;
  };

  const checkPhone = (what: string, phone: string | undefined, line: number | undefined) => {
    for (const local of numbersWithoutAreaCode(phone ?? ''))
      problems.push({
        severity: 'warning',
        file,
        line,
        message: `${what}: phone "${local}" has no area code, so it cannot be dialled from a mobile phone: write it in full, e.g. (8442) 30-80-00`,
      });
  };
  const hotlines = parseList('hotlines', top.data.hotlines, hotlineSchema, (h, line) => {
    checkPhone(`hotline "${h.id}"`, h.phone, line);
    return {
      id: h.id,
      region,
      name: h.name,
      phone: h.phone,
      ...(h.about ? { about: h.about } : {}),
      ...(h.hours_text ? { hoursText: h.hours_text } : {}),
      source: h.source,
      asOf: h.as_of,
    };
  });
  const networks = parseList('networks', top.data.networks, networkSchema, (n) => ({
    id: n.id,
    region,
    kind: n.kind,
    name: n.name,
    ...(n.website ? { website: n.website } : {}),
    ...(n.about ? { about: n.about } : {}),
    ...(n.hours_text ? { hoursText: n.hours_text } : {}),
    source: n.source,
    asOf: n.as_of,
  }));
  const places = parseList('places', top.data.places, placeSchema, (p, line) => {
    // Coordinates without a source are not used (the place itself still is).
    const sourced = p.centre && p.centre_source ? p.centre : undefined;
    if (p.centre && !p.centre_source)
      problems.push({
        severity: 'error',
        file,
        line,
        message: `place "${p.id}": centre needs centre_source`,
      });
    return {
      id: p.id,
      region,
      name: p.name,
      names: p.names.map((n) => n.toLowerCase().replace(/ё/g, 'е')),
      ...(p.parent ? { parent: p.parent } : {}),
      ...(sourced ? { centre: sourced } : {}),
    } satisfies Place;
  });
  const placeIds = new Set(places.map((p) => p.id));
  for (const p of places) {
    if (p.parent && !placeIds.has(p.parent))
      problems.push({
        severity: 'error',
        file,
        message: `place "${p.id}": parent "${p.parent}" is not a place in this file`,
      });
  }
  const agencies = parseList('agencies', top.data.agencies, agencySchema, (a, line) => {
    if (!placeIds.has(a.place)) {
      problems.push({
        severity: 'error',
        file,
        line,
        message: `agency "${a.id}": place "${a.place}" is not in this file's places`,
      });
      return undefined;
    }
    checkPhone(`agency "${a.id}"`, a.phone, line);
    let hours: WeeklyHours | undefined;
    if (a.hours) {
      const parsed = parseWeeklyHours(a.hours);
      if ('error' in parsed) {
        problems.push({ severity: 'error', file, line, message: `agency "${a.id}": hours ${parsed.error}` });
        return undefined;
      }
      hours = parsed.hours;
    }
    return {
      id: a.id,
      region,
      kind: a.kind,
      name: a.name,
      short: a.short,
      place: a.place,
      ...(a.address ? { address: a.address } : {}),
      ...(a.phone ? { phone: a.phone } : {}),
      ...(hours ? { hours } : {}),
      ...(a.about ? { about: a.about } : {}),
      ...(a.website ? { website: a.website } : {}),
      ...(a.coordinates ? { coordinates: a.coordinates } : {}),
      source: a.source,
      asOf: a.as_of,
      confidence: a.confidence,
    } satisfies Agency;
  });
  if (name.replace(/\.ya?ml$/, '') !== region)
    problems.push({
      severity: 'error',
      file,
      message: `the file of region "${region}" must be named ${region}.yaml`,
    });
  return {
    directory: {
      region,
      utcOffsetHours: top.data.utc_offset_hours,
      collected: top.data.collected,
      hotlines,
      networks,
      places,
      agencies,
    },
    problems,
  };
}

export function createAgencyDirectory(regions: RegionDirectory[]): AgencyDirectory {
  const agencies = regions.flatMap((r) => r.agencies);
  const places = regions.flatMap((r) => r.places);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const placeById = new Map(places.map((p) => [p.id, p]));
  return {
    regions,
    region: (region) => regions.find((r) => r.region === region),
    agency: (agencyId) => agencyById.get(agencyId),
    place: (placeId) => placeById.get(placeId),
    agencies,
    places,
  };
}

/** Reads every `data/agencies/*.yaml`; records with problems are left out and reported. */
export function loadAgencyDirectory(dataDir: string): {
  directory: AgencyDirectory;
  problems: KnowledgeProblem[];
} {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, 'agencies'))
      .filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'))
      .sort();
  } catch {
    return {
      directory: createAgencyDirectory([]),
      problems: [
        { severity: 'error', file: 'data/agencies', message: 'the agency directory folder is missing' },
      ],
    };
  }
  const problems: KnowledgeProblem[] = [];
  const regions: RegionDirectory[] = [];
  const ids = new Map<string, string>();
  for (const name of names) {
    const parsed = parseRegionFile(dataDir, name);
    problems.push(...parsed.problems);
    if (!parsed.directory) continue;
    if (regions.some((r) => r.region === parsed.directory!.region)) {
      problems.push({
        severity: 'error',
        file: `data/agencies/${name}`,
        message: `region "${parsed.directory.region}" is described twice`,
      });
      continue;
    }
    const d = parsed.directory;
    for (const rec of [...d.hotlines, ...d.networks, ...d.places, ...d.agencies]) {
      const other = ids.get(rec.id);
      if (other)
        problems.push({
          severity: 'error',
          file: `data/agencies/${name}`,
          message: `id "${rec.id}" is also used in ${other}`,
        });
      else ids.set(rec.id, `data/agencies/${name}`);
    }
    regions.push(d);
  }
  return { directory: createAgencyDirectory(regions), problems };
}
