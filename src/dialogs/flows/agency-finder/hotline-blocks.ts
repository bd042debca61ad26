/** The regional hotlines: the fallback wherever the directory has no office, or too few, for a place. */
import type { Block } from '../../../messaging/rich-text.js';
import type {
  AgencyDirectory,
  DirectoryRegion,
  Hotline,
} from '../../../services/agencies/agency-directory.js';
import type { Turn } from '../../turn.js';
import { phoneSpans } from './phone-spans.js';

function hotlineParagraph(turn: Turn, h: Hotline): Block {
  return {
    type: 'paragraph',
    spans: [
      { text: turn.ctx.t('agencies.hotline', { name: h.name }) },
      ...phoneSpans(h.phone),
      ...(h.hoursText ? [{ text: ` — ${h.hoursText}` }] : []),
    ],
  };
}

/** The hotlines of a region (the fallback everywhere) and its networks' websites. */
export function hotlineBlocks(turn: Turn, directory: AgencyDirectory, region: DirectoryRegion): Block[] {
  const r = directory.region(region);
  if (!r) return [];
  const t = turn.ctx.t;
  const blocks: Block[] = [];
  for (const h of r.hotlines) blocks.push(hotlineParagraph(turn, h));
  for (const n of r.networks) {
    if (n.website)
      blocks.push({
        type: 'paragraph',
        spans: [{ text: t('agencies.network', { name: n.name }) }, { text: n.website, href: n.website }],
      });
  }
  return blocks;
}

/** The hotlines of every region, each number once: for a place whose region is not known. */
export function allHotlineBlocks(turn: Turn, directory: AgencyDirectory): Block[] {
  const seen = new Set<string>();
  return directory.regions.flatMap((r) =>
    r.hotlines.flatMap((h) => {
      if (seen.has(h.phone)) return [];
      seen.add(h.phone);
      return [hotlineParagraph(turn, h)];
    }),
  );
}
