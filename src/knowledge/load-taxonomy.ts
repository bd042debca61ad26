/** Reads the topic taxonomy (`data/topics.yaml`, a copy of the shared taxonomy). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Taxonomy } from './entry.js';

const taxonomySchema = z.object({
  categories: z.record(z.string(), z.string()),
  topics: z.array(z.object({ slug: z.string(), title_ru: z.string(), category: z.string() })).min(1),
});

export function loadTaxonomy(dataDir: string): Taxonomy {
  const raw = taxonomySchema.parse(parse(readFileSync(join(dataDir, 'topics.yaml'), 'utf8')));
  return {
    categories: Object.entries(raw.categories).map(([slug, title]) => ({ slug, title })),
    topics: raw.topics.map((t) => ({ slug: t.slug, title: t.title_ru, category: t.category })),
  };
}
