/**
 * The messages the assistant sends, built from locale strings and knowledge entries. Pure functions of their
 * inputs; the engine decides which one to send.
 */
import { calendarDate } from '../i18n/calendar-date.js';
import { pluralCategory } from '../i18n/plural-category.js';
import type { TemplateVars } from '../i18n/translator.js';
import { type KnowledgeEntry, SECTION_KEYS, type SectionKey } from '../knowledge/entry.js';
import { type CitizenRegion, type FigurePhrases, figurePhrases, fillFigures } from '../knowledge/figures.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { keepOwnRegionLines } from '../knowledge/region-lines.js';
import type { Button, OutgoingMessage } from '../messaging/outgoing-message.js';
import { type Block, parseRichText, type RichText } from '../messaging/rich-text.js';
import type { RegionChoice } from './dialog-state.js';
import { figuresChangeBy } from './later-year.js';
import { type ButtonAction, encodePayload } from './payloads.js';
import { personalAge } from './retirement-age.js';
import { wordStems } from './word-stems.js';

/** What message builders need: the knowledge base, the citizen's locale (bound into `t`) and region. */
export interface ReplyContext {
  kb: KnowledgeBase;
  t(key: string, vars?: TemplateVars): string;
  region?: RegionChoice;
  /**
   * With region 'other', how the assistant names it when the citizen named it ("Саратовская область", from
   * data/search/regions.yaml); absent after the «Другой регион» button.
   */
  regionName?: string;
  /** This message named the region elsewhere for the first time (see Turn.regionNamedNow). */
  regionNamedNow?: boolean;
  /**
   * The region a flow answered for without saving it as the citizen's (the benefit finder's answers): the answer's
   * buttons carry it, so its sections show the same region's figures instead of asking for the region again.
   */
  carriedRegion?: RegionChoice;
  /** Today (YYYY-MM-DD): an answer from an entry past its review date says its facts may have changed. */
  today?: string;
  /** A later year the message asks about (see later-year.ts): figures that change by then are said to be this year's. */
  laterYear?: number;
  /**
   * The text of the message being answered: the retirement-age table's line for the person it describes goes above
   * the answer (see retirement-age.ts).
   */
  asked?: string;
}

const action = (label: string, a: ButtonAction): Button => ({
  kind: 'action',
  label,
  payload: encodePayload(a),
});

/** Splits buttons into rows of `width`. */
export function rows(buttons: Button[], width: number): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += width) out.push(buttons.slice(i, i + width));
  return out;
}

function md(ctx: ReplyContext, key: string, vars?: TemplateVars): RichText {
  return parseRichText(ctx.t(key, vars));
}

/** The last row under most messages: a human one tap away, and the menu. */
export function footerRow(ctx: ReplyContext): Button[] {
  return [
    action(ctx.t('buttons.consultant'), { a: 'handoff', reason: 'user_request' }),
    action(ctx.t('buttons.menu'), { a: 'menu' }),
  ];
}

/**
 * «Этого места нет в моих списках. В каком вы регионе?» with the regions as buttons, each remembered when pressed
 * («я живу в даниловке»: a place no list names).
 */
export function unlistedPlaceAsk(ctx: ReplyContext): OutgoingMessage {
  const regionButtons = (['perm', 'volgograd', 'other'] as const).map((r) =>
    action(ctx.t(`regions.${r}`), { a: 'region', region: r }),
  );
  return {
    text: md(ctx, 'region.unlisted_ask'),
    buttons: [
      regionButtons.slice(0, 2),
      regionButtons.slice(2),
      [action(ctx.t('buttons.menu'), { a: 'menu' })],
    ],
  };
}

/** «Запомнил ваш регион: Пермский край.», said before what answers the message that named it. */
export function regionSaved(ctx: ReplyContext, region: RegionChoice): RichText {
  return md(ctx, 'region.saved', { region: ctx.t(`regions.${region}`) });
}

export function textMessage(
  ctx: ReplyContext,
  key: string,
  options: { vars?: TemplateVars; footer?: boolean } = {},
): OutgoingMessage {
  return { text: md(ctx, key, options.vars), ...(options.footer ? { buttons: [footerRow(ctx)] } : {}) };
}

/**
 * /privacy: how the citizen's data is kept, with how long a conversation stays before it is anonymised when the app
 * says (it did not say it at all, though retention anonymises every conversation after RETENTION_DAYS).
 */
export function privacyMessage(ctx: ReplyContext, locale: string, retentionDays?: number): OutgoingMessage {
  const days =
    retentionDays === undefined
      ? undefined
      : `${retentionDays} ${ctx.t(`privacy.days.${pluralCategory(locale, retentionDays)}`)}`;
  return {
    text: [
      ...md(ctx, 'privacy.full'),
      ...(days ? md(ctx, 'privacy.retention', { days }) : []),
      ...md(ctx, 'privacy.basis'),
    ],
    buttons: [footerRow(ctx)],
  };
}

export function greetingMessage(ctx: ReplyContext): OutgoingMessage {
  return { text: [...md(ctx, 'greeting'), ...md(ctx, 'privacy_notice')] };
}

/** The main menu: feature entries (one per row) on top, then life situations, then the consultant. */
export function mainMenu(ctx: ReplyContext, introKey = 'menu.title', extra: Button[] = []): OutgoingMessage {
  return { text: md(ctx, introKey), buttons: mainMenuButtons(ctx, extra) };
}

/**
 * "I cannot help with this" with the main menu; with `where` (see SearchOutcome.redirect) it says first where such
 * questions are decided, which a person who came to the wrong place needs more than an apology.
 */
export function outOfScope(ctx: ReplyContext, where?: string, extra: Button[] = []): OutgoingMessage {
  const lead = where ? ctx.t(`out_of_scope.where.${where}`) : ctx.t('out_of_scope.sorry');
  return {
    text: parseRichText(`${lead}${where ? '\n\n' : ' '}${ctx.t('out_of_scope.scope')}`),
    buttons: mainMenuButtons(ctx, extra),
  };
}

/** The main menu while the chat waits for a consultant: the way out of the queue on top. */
export function menuWhileWaiting(ctx: ReplyContext, extra: Button[] = []): OutgoingMessage {
  const leave = action(ctx.t('buttons.back_to_assistant'), { a: 'handoff-cancel' });
  return mainMenu(ctx, 'menu.while_waiting', [leave, ...extra]);
}

/** The main menu's buttons alone (also what a typed button label is compared with). */
export function mainMenuButtons(ctx: ReplyContext, extra: Button[] = []): Button[][] {
  const categories = ctx.kb.taxonomy.categories.map((c) =>
    action(ctx.t(`categories.${c.slug}`), { a: 'category', slug: c.slug }),
  );
  return [
    ...extra.map((b) => [b]),
    ...rows(categories, 2),
    [action(ctx.t('buttons.consultant'), { a: 'handoff', reason: 'user_request' })],
  ];
}

export function categoryMenu(ctx: ReplyContext, slug: string): OutgoingMessage | undefined {
  const category = ctx.kb.taxonomy.categories.find((c) => c.slug === slug);
  if (!category) return undefined;
  const topics = ctx.kb.taxonomy.topics.filter(
    (t) => t.category === slug && ctx.kb.entriesOfTopic(t.slug).length > 0,
  );
  return {
    text: md(ctx, 'category.choose_topic', { title: ctx.t(`categories.${slug}`) }),
    buttons: [
      ...topics.map((t) => [action(t.title, { a: 'topic', slug: t.slug })]),
      [
        action(ctx.t('buttons.back'), { a: 'menu' }),
        action(ctx.t('buttons.consultant'), { a: 'handoff', reason: 'user_request' }),
      ],
    ],
  };
}

/** A topic with several entries lists them; undefined for unknown topics. */
export function topicMenu(ctx: ReplyContext, slug: string): OutgoingMessage | undefined {
  const topic = ctx.kb.topic(slug);
  const entries = ctx.kb.entriesOfTopic(slug);
  if (!topic || entries.length === 0) return undefined;
  return {
    text: md(ctx, 'topic.choose_entry', { title: topic.title }),
    buttons: [
      ...entries.map((e) => [action(e.title, { a: 'entry', id: e.id })]),
      [action(ctx.t('buttons.back'), { a: 'category', slug: topic.category }), ...footerRow(ctx)],
    ],
  };
}

/** "Источник: …. Проверено: …." with the first official source as a link. */
function sourceLine(ctx: ReplyContext, entry: KnowledgeEntry): Block {
  const main = entry.sources.find((s) => s.official) ?? entry.sources[0]!;
  const [before, after] = ctx
    .t('answer.source', { source: '\u0000', date: calendarDate(entry.asOf) })
    .split('\u0000') as [string, string];
  const more =
    entry.sources.length > 1 ? ctx.t('answer.more_sources', { count: entry.sources.length - 1 }) : '';
  return {
    type: 'paragraph',
    spans: [
      { text: before },
      main.url ? { text: main.title, href: main.url } : { text: main.title },
      { text: `${more}${after}` },
    ],
  };
}

/**
 * An entry past its review date is still the best we have, but its amounts may be last year's (indexation comes in
 * January, February and April): the citizen is told to check before relying on them.
 */
/** «Суммы на 2027 год здесь ещё не указаны…», when the question asks about a year by which the figures change. */
function laterYearNote(ctx: ReplyContext, entry: KnowledgeEntry): RichText {
  if (ctx.laterYear === undefined) return [];
  const change = figuresChangeBy(entry, ctx.kb.figures, ctx.laterYear);
  return change ? md(ctx, 'answer.later_year', { year: ctx.laterYear, date: calendarDate(change) }) : [];
}

/**
 * «Женщины 1966 г. р. выходят на пенсию по старости в 58 лет — в 2024 г.»: the lines of the entry's retirement-age
 * table for the person the message describes, whether that age has come, and the conditions besides the age.
 */
export function personalAgeNote(ctx: ReplyContext, entry: KnowledgeEntry): RichText {
  if (ctx.asked === undefined || ctx.today === undefined) return [];
  const personal = personalAge(entry, ctx.asked, Number(ctx.today.slice(0, 4)));
  if (!personal) return [];
  // The sexes whose age has come first, then the lines of those whose has not (a man and a woman of 62).
  const reachedBy = (personal.reachedBy ?? []).map((sex) => ctx.t(`retirement_age.reached_${sex}`));
  const lines = personal.lines.map((l) =>
    ctx.t(`retirement_age.${l.past ? 'past' : 'line'}_${l.sex}`, {
      born: l.born,
      age: l.ageText,
      year: l.year,
    }),
  );
  if (personal.reached !== undefined)
    lines.push(ctx.t(personal.reached ? 'retirement_age.reached' : 'retirement_age.not_reached'));
  if (personal.mothersLine) lines.push(ctx.t('retirement_age.mothers', { line: personal.mothersLine }));
  if (personal.serviceLine) lines.push(ctx.t('retirement_age.mothers', { line: personal.serviceLine }));
  if (personal.conditions) lines.push(ctx.t('retirement_age.conditions', { text: personal.conditions }));
  return md(ctx, 'retirement_age.note', { lines: [...reachedBy, ...lines].join('\n') });
}

/** The retirement-age lines for a follow-up that says who is asked about («а жена 1967 года рождения»). */
export function personalAgeMessage(ctx: ReplyContext, entry: KnowledgeEntry): OutgoingMessage {
  return {
    text: [...personalAgeNote(ctx, entry), sourceLine(ctx, entry), ...md(ctx, 'answer.quote_more')],
    buttons: [...rows(sectionButtons(ctx, entry), 2), footerRow(ctx)],
  };
}

function reviewOverdueNote(ctx: ReplyContext, entry: KnowledgeEntry): RichText {
  if (ctx.today === undefined || entry.reviewBy >= ctx.today) return [];
  return md(ctx, 'answer.review_overdue', { date: calendarDate(entry.reviewBy) });
}

/**
 * Figures are filled for the citizen's region; an entry about one region's own measures uses that region's
 * figures whoever asks (a Perm entry shows the Perm minimum even to someone who did not say where they live).
 */
function figureRegion(ctx: ReplyContext, entry: KnowledgeEntry): CitizenRegion {
  const own = entry.regions.filter((r): r is 'perm' | 'volgograd' => r !== 'federal');
  if (own.length === 1 && !entry.regions.includes('federal')) return own[0];
  return ctx.region === 'perm' || ctx.region === 'volgograd' ? ctx.region : undefined;
}

function fill(ctx: ReplyContext, entry: KnowledgeEntry, text: string, keepRegionLines = false) {
  const region = figureRegion(ctx, entry);
  // A served region's own line (`- **Пермский край:** …`) only for that region's citizens (region-lines.ts).
  const own = keepRegionLines ? { text, hiddenForUnknown: false } : keepOwnRegionLines(text, region);
  // Region not yet told: the first regional figure names the served regions' own values beside the average (a
  // citizen audit read "18 939 ₽ (…; в вашем регионе — своя сумма)" as a number hidden in a clause). Elsewhere in
  // Russia those two are no one's business, and the average stands alone.
  const phrases: FigurePhrases =
    ctx.region === undefined
      ? figurePhrases(ctx.t)
      : { federalApprox: (value) => ctx.t('figures.federal_approx', { value }) };
  return {
    ...fillFigures(own.text, ctx.kb.figures, region, phrases),
    regionLinesHidden: own.hiddenForUnknown,
  };
}

function regionBlocksAndButtons(
  ctx: ReplyContext,
  entry: KnowledgeEntry,
  filled: ReturnType<typeof fill>,
  /** The part on screen: a region picked under it shows that part for the region, not the short answer. */
  section?: SectionKey,
): { blocks: RichText; buttons: Button[][] } {
  const regionAsked = filled.usedFederalFallback || filled.regionLinesHidden;
  if (regionAsked && ctx.region !== 'other') {
    const regionButtons = (['perm', 'volgograd', 'other'] as const).map((r) =>
      action(ctx.t(`regions.${r}`), {
        a: 'region',
        region: r,
        id: entry.id,
        ...(section ? { section } : {}),
      }),
    );
    return {
      // Regional lines left out, and no regional amount: the region's own measures, not its figures, are offered.
      blocks: md(ctx, filled.usedFederalFallback ? 'answer.region_unknown' : 'answer.region_lines_unknown'),
      buttons: [regionButtons.slice(0, 2), regionButtons.slice(2)],
    };
  }
  // Elsewhere in Russia: the figures are federal, and that region's own are not in our data (said, not left out).
  if (filled.usedFederalFallback) return { blocks: otherRegionNote(ctx, 'answer.region_other'), buttons: [] };
  if (filled.regionalFor)
    return {
      blocks: md(ctx, 'answer.region_known', { region: ctx.t(`regions.${filled.regionalFor}`) }),
      buttons: [],
    };
  // A federal measure answered as the citizen names their region elsewhere: that region's own, on top of it, are
  // not in our data (said once, not under every answer).
  if (ctx.region === 'other' && ctx.regionNamedNow && entry.regions.includes('federal'))
    return { blocks: otherRegionNote(ctx, 'answer.region_other_measures'), buttons: [] };
  return { blocks: [], buttons: [] };
}

/** The regions a regional entry is for, as the assistant names them ("Пермский край"). */
function ownRegions(ctx: ReplyContext, entry: KnowledgeEntry): string {
  return entry.regions
    .filter((r) => r !== 'federal')
    .map((r) => ctx.t(`regions.${r}`))
    .join(', ');
}

/** The federal hotlines' entry (СФР, Госуслуги, how to find one's social protection), when the base has it. */
export const HOTLINES_ENTRY = 'hotlines-contacts';

function hotlinesRow(ctx: ReplyContext): Button[][] {
  return ctx.kb.entry(HOTLINES_ENTRY)
    ? [[action(ctx.t('buttons.hotlines'), { a: 'entry', id: HOTLINES_ENTRY })]]
    : [];
}

/**
 * "Запомнил ваш регион: Саратовская область": elsewhere in Russia, said plainly that its own measures and amounts
 * are not in our data and where to ask; about the answer before it (`entry`), whether it holds there.
 */
export function otherRegionSaved(ctx: ReplyContext, entry: KnowledgeEntry | undefined): OutgoingMessage {
  const about = !entry
    ? []
    : !entry.regions.includes('federal')
      ? md(ctx, 'region.other_answer_regional', { title: entry.title, own: ownRegions(ctx, entry) })
      : md(
          ctx,
          answerDependsOnRegion(ctx, entry) ? 'region.other_answer_federal' : 'region.other_answer_same',
          {
            title: entry.title,
          },
        );
  return {
    text: [
      ...otherRegionNote(ctx, 'region.other_saved'),
      ...about,
      ...md(ctx, 'region.other_no_data'),
      ...(entry ? [] : md(ctx, 'region.other_ask')),
    ],
    buttons: [...hotlinesRow(ctx), footerRow(ctx)],
  };
}

/**
 * Another region's own measure found for someone elsewhere in Russia: which region it is for, that theirs is not in
 * our data and where to ask, and the measure one tap away (they may be asking about that region after all).
 */
export function otherRegionsMeasure(ctx: ReplyContext, entry: KnowledgeEntry): OutgoingMessage {
  return {
    text: otherRegionNote(ctx, 'answer.other_regions_measure', {
      title: entry.title,
      own: ownRegions(ctx, entry),
    }),
    buttons: [[action(entry.title, { a: 'entry', id: entry.id })], ...hotlinesRow(ctx), footerRow(ctx)],
  };
}

/**
 * A locale text about the citizen's region elsewhere in Russia, by its name when they named it (`key_named`, with
 * `${region}`), else without one (`key`).
 */
export function otherRegionNote(ctx: ReplyContext, key: string, vars: TemplateVars = {}): RichText {
  return ctx.regionName ? md(ctx, `${key}_named`, { ...vars, region: ctx.regionName }) : md(ctx, key, vars);
}

/**
 * The parts of an entry offered as buttons. Under the emergency help only where to call and go, under its own name:
 * «Кто может получить» and «Правовая основа» beside «не хочу жить» read as if danger were a benefit (a citizen audit).
 */
export function offeredSections(entry: KnowledgeEntry): SectionKey[] {
  const keys = SECTION_KEYS.filter((k) => entry.sections[k] !== undefined);
  return entry.topic === CRISIS_TOPIC ? keys.filter((k) => k === 'apply') : keys;
}

/**
 * A part's name as a button and a title says it: the entry's own name for it where the common one misleads
 * (KnowledgeEntry.sectionTitles), "Куда звонить и обращаться" for the emergency help's "apply".
 */
export function sectionLabel(ctx: ReplyContext, entry: KnowledgeEntry, section: SectionKey): string {
  const own = entry.sectionTitles?.[section];
  if (own !== undefined) return own;
  return ctx.t(
    entry.topic === CRISIS_TOPIC && section === 'apply' ? 'sections.crisis_apply' : `sections.${section}`,
  );
}

function sectionButtons(ctx: ReplyContext, entry: KnowledgeEntry, except?: SectionKey): Button[] {
  const region = ctx.carriedRegion ? { region: ctx.carriedRegion } : {};
  return offeredSections(entry)
    .filter((k) => k !== except)
    .map((k) => action(sectionLabel(ctx, entry, k), { a: 'section', id: entry.id, section: k, ...region }));
}

/** «Кратко»: back to the short answer (for the carried region, if any). */
function shortButton(ctx: ReplyContext, entry: KnowledgeEntry): Button {
  const region = ctx.carriedRegion ? { region: ctx.carriedRegion } : {};
  return action(ctx.t('buttons.short'), { a: 'entry', id: entry.id, ...region });
}

/** The taxonomy topic of emergency help (violence, danger to life, nowhere to sleep). */
export const CRISIS_TOPIC = 'crisis-support';

/**
 * 👍/👎 under an answer, except under the emergency help: "Помог ли ответ?" beside 112 and a hand-off reads as
 * indifference to someone in danger (a citizen audit flagged it).
 */
function feedbackRows(ctx: ReplyContext, entry: KnowledgeEntry): Button[][] {
  if (entry.topic === CRISIS_TOPIC) return [];
  return [
    [
      action(ctx.t('buttons.helpful'), { a: 'feedback', id: entry.id, helpful: true }),
      action(ctx.t('buttons.not_helpful'), { a: 'feedback', id: entry.id, helpful: false }),
    ],
  ];
}

/**
 * The short answer first, then its source and date, section buttons, the services the subject leads to (`offers`,
 * one a row), 👍/👎 and the footer.
 */
export function answerMessage(
  ctx: ReplyContext,
  entry: KnowledgeEntry,
  lead: RichText = [],
  offers: Button[] = [],
): OutgoingMessage {
  const filled = fill(ctx, entry, entry.short);
  const region = regionBlocksAndButtons(ctx, entry, filled);
  return {
    text: [
      ...lead,
      ...personalAgeNote(ctx, entry),
      { type: 'paragraph', spans: [{ text: entry.title, bold: true }] },
      ...parseRichText(filled.text),
      ...region.blocks,
      ...laterYearNote(ctx, entry),
      sourceLine(ctx, entry),
      ...reviewOverdueNote(ctx, entry),
      ...(entry.topic === CRISIS_TOPIC ? [] : md(ctx, 'answer.helpful_question')),
    ],
    buttons: [
      ...rows(sectionButtons(ctx, entry), 2),
      ...region.buttons,
      ...offers.map((b) => [b]),
      ...feedbackRows(ctx, entry),
      footerRow(ctx),
    ],
  };
}

/** Words of a title and a part's name compared by their first letters ("выплат" and "выплаты"), three or more. */
const HEADING_WORD_LETTERS = 3;

/**
 * «Title — part», or the title alone when it already says the part: «Когда приходят деньги — даты выплаты пособий
 * — Даты выплат» read as a stammer (a citizen audit).
 */
function sectionHeading(ctx: ReplyContext, entry: KnowledgeEntry, section: SectionKey): RichText {
  const label = sectionLabel(ctx, entry, section);
  const inTitle = new Set(wordStems(entry.title, HEADING_WORD_LETTERS));
  const saysIt = (key: SectionKey) => {
    const said = wordStems(sectionLabel(ctx, entry, key), HEADING_WORD_LETTERS);
    return said.length > 0 && said.every((s) => inTitle.has(s));
  };
  // Only when no other part is said by the title too: «Субсидия на ЖКУ — как оформить, документы» would give its
  // «Документы» and «Как подать» the same heading (a verification pass).
  const alone = saysIt(section) && !offeredSections(entry).some((k) => k !== section && saysIt(k));
  return alone
    ? md(ctx, 'answer.sections_title_only', { title: entry.title })
    : md(ctx, 'answer.sections_title', { title: entry.title, section: label });
}

/**
 * One section of an entry, with buttons to the other sections and back to the short answer, and the `offers` of
 * feature flows (the remembered town's addresses under «Как подать»).
 */
export function sectionMessage(
  ctx: ReplyContext,
  entry: KnowledgeEntry,
  section: SectionKey,
  offers: Button[] = [],
): OutgoingMessage {
  const body = entry.sections[section];
  if (body === undefined) {
    return {
      text: md(ctx, 'answer.no_section', { section: ctx.t(`sections.${section}`) }),
      buttons: [...rows([shortButton(ctx, entry), ...sectionButtons(ctx, entry)], 2), footerRow(ctx)],
    };
  }
  const filled = fill(ctx, entry, body);
  const region = regionBlocksAndButtons(ctx, entry, filled, section);
  return {
    text: [
      ...sectionHeading(ctx, entry, section),
      ...parseRichText(filled.text),
      ...region.blocks,
      ...laterYearNote(ctx, entry),
      sourceLine(ctx, entry),
      ...reviewOverdueNote(ctx, entry),
    ],
    buttons: [
      ...rows([shortButton(ctx, entry), ...sectionButtons(ctx, entry, section)], 2),
      ...region.buttons,
      ...offers.map((b) => [b]),
      ...feedbackRows(ctx, entry),
      footerRow(ctx),
    ],
  };
}

/** Opens another entry of the answer's topic that the search found nearly as fitting (under the answer). */
export function alsoButton(ctx: ReplyContext, entry: KnowledgeEntry): Button {
  return action(ctx.t('buttons.also', { title: entry.title }), { a: 'entry', id: entry.id });
}

/** Another question of the same message, answered by this entry (see several-questions.ts). */
export function nextQuestionButton(ctx: ReplyContext, entry: KnowledgeEntry): Button {
  return action(ctx.t('buttons.next_question', { title: entry.title }), { a: 'entry', id: entry.id });
}

/** "I did not understand": the parts of the answer, each short and point by point, and a person one tap away. */
export function partsOffer(
  ctx: ReplyContext,
  entry: KnowledgeEntry,
  key = 'answer.parts_offer',
  vars: Record<string, string> = {},
  options: { short?: boolean; lines?: RichText; offers?: Button[] } = {},
): OutgoingMessage {
  // A question asked in place of the card (the share's «напишите доход семьи») leaves the card a tap away too.
  const parts = options.short
    ? [shortButton(ctx, entry), ...sectionButtons(ctx, entry)]
    : sectionButtons(ctx, entry);
  return {
    text: [...md(ctx, key, { title: entry.title, ...vars }), ...(options.lines ?? [])],
    buttons: [...rows(parts, 2), ...(options.offers ?? []).map((b) => [b]), footerRow(ctx)],
  };
}

/**
 * Whether the entry reads differently in the two served regions (its figures are regional), or is a region's own:
 * naming a region after it shows it again; otherwise the same answer again was a repeat (a citizen audit).
 */
export function answerDependsOnRegion(ctx: ReplyContext, entry: KnowledgeEntry): boolean {
  if (!entry.regions.includes('federal')) return true;
  const texts = [entry.short, ...SECTION_KEYS.map((k) => entry.sections[k] ?? '')].join('\n');
  const inRegion = (region: RegionChoice) => fill({ ...ctx, region }, entry, texts).text;
  return inRegion('perm') !== inRegion('volgograd');
}

/** A line of an answer quoted for a follow-up about it (see answer-quote.ts), with its source and the parts. */
export function quoteMessage(ctx: ReplyContext, entry: KnowledgeEntry, line: string): OutgoingMessage {
  return {
    text: [
      ...md(ctx, 'answer.quote_lead', { title: entry.title }),
      // The line the follow-up asked about, even a region's own: it names its region (`- **Пермский край:**`).
      ...parseRichText(fill(ctx, entry, line, true).text),
      sourceLine(ctx, entry),
      ...md(ctx, 'answer.quote_more'),
    ],
    buttons: [...rows(sectionButtons(ctx, entry), 2), footerRow(ctx)],
  };
}

/** Keeps a list of figures apart while they are filled in as one text (the region is asked for once). */
const FIGURE_LIST_GAP = '\u0001';

/**
 * A sum the answer gives for each child, times the children a follow-up names («а на двоих детей»): the total of each
 * of the line's figures (`refs`, already multiplied), then the line itself, as a quote.
 */
export function perChildTotalMessage(
  ctx: ReplyContext,
  entry: KnowledgeEntry,
  line: string,
  refs: readonly string[],
  count: number,
): OutgoingMessage {
  const filled = fill(ctx, entry, refs.join(FIGURE_LIST_GAP));
  const amounts = filled.text.split(FIGURE_LIST_GAP);
  const last = amounts.pop() ?? '';
  const joined = amounts.length > 0 ? `${amounts.join(', ')}${ctx.t('answer.or')}${last}` : last;
  const region = regionBlocksAndButtons(ctx, entry, filled);
  return {
    text: [
      ...md(ctx, 'answer.per_child_total', { title: entry.title, count: String(count), amounts: joined }),
      ...parseRichText(fill(ctx, entry, line).text),
      ...region.blocks,
      sourceLine(ctx, entry),
      ...md(ctx, 'answer.quote_more'),
    ],
    buttons: [...rows(sectionButtons(ctx, entry), 2), ...region.buttons, footerRow(ctx)],
  };
}

/**
 * Up to three likely entries as buttons, and "none of these: ask a consultant". With `section` (the same choices
 * again, for a follow-up asked instead of a choice: "а сколько он?"), each entry that has that part opens it.
 */
export function clarifyMessage(
  ctx: ReplyContext,
  entries: KnowledgeEntry[],
  section?: SectionKey,
  offers: Button[] = [],
): OutgoingMessage {
  return {
    text: section
      ? md(ctx, 'clarify.which_for_section', { section: ctx.t(`sections.${section}`) })
      : md(ctx, 'clarify.prompt'),
    buttons: [
      ...entries.map((e) => [
        section && e.sections[section] !== undefined
          ? action(e.title, { a: 'section', id: e.id, section })
          : action(e.title, { a: 'entry', id: e.id }),
      ]),
      ...offers.map((b) => [b]),
      [action(ctx.t('buttons.none_of_these'), { a: 'handoff', reason: 'not_found' })],
    ],
  };
}

/** "I am not sure" with a button to call a consultant. */
export function handoffOffer(
  ctx: ReplyContext,
  key = 'not_sure.offer',
  vars?: TemplateVars,
): OutgoingMessage {
  return {
    text: md(ctx, key, vars),
    buttons: [
      [action(ctx.t('buttons.call_consultant'), { a: 'handoff', reason: 'user_request' })],
      [action(ctx.t('buttons.menu'), { a: 'menu' })],
    ],
  };
}

/**
 * Refugees and displaced people: no checked facts on payments to them, said plainly; the help the knowledge base
 * does have one tap away, the flows' buttons (where the offices are), and a consultant offered at once.
 */
export function displacedOffer(
  ctx: ReplyContext,
  entries: KnowledgeEntry[],
  offers: Button[] = [],
): OutgoingMessage {
  const offer = handoffOffer(ctx, 'displaced.message');
  return {
    ...offer,
    buttons: [
      ...entries.map((e) => [action(e.title, { a: 'entry', id: e.id })]),
      ...offers.map((b) => [b]),
      ...(offer.buttons ?? []),
    ],
  };
}

/**
 * The offer of a consultant under `key`'s text, with buttons of the flows above it (the finder's questions); the text
 * names the first of them as `${button}`.
 */
export function handoffOfferWith(ctx: ReplyContext, key: string, offers: Button[]): OutgoingMessage {
  const offer = handoffOffer(ctx, key, { button: offers[0]?.label ?? '' });
  return { ...offer, buttons: [...offers.map((b) => [b]), ...(offer.buttons ?? [])] };
}

/** The same, with the entry search ranked first offered on top: as a possibility, never as the answer. */
export function handoffOfferWithGuess(ctx: ReplyContext, guess: KnowledgeEntry): OutgoingMessage {
  return handoffOfferWith(ctx, 'not_sure.guess', [action(guess.title, { a: 'entry', id: guess.id })]);
}

/** The hand-off confirmation, optionally after a lead-in ("Sorry the answer did not help."). */
export function handoffConfirm(
  ctx: ReplyContext,
  leadKeys: string[] = [],
  key = 'handoff.confirm',
  /** Lines after the confirmation (the place in the queue, working hours). */
  extra: RichText = [],
  /** Lines before it, after the lead-in (out of hours: when a consultant will answer). */
  before: RichText = [],
): OutgoingMessage {
  return {
    text: [...leadKeys.flatMap((k) => md(ctx, k)), ...before, ...md(ctx, key), ...extra],
    buttons: [[action(ctx.t('buttons.back_to_assistant'), { a: 'handoff-cancel' })]],
  };
}

export function languageChoice(ctx: ReplyContext): OutgoingMessage {
  return {
    text: md(ctx, 'lang.choose'),
    buttons: [
      [
        action(ctx.t('lang.ru'), { a: 'lang', locale: 'ru' }),
        action(ctx.t('lang.en'), { a: 'lang', locale: 'en' }),
      ],
    ],
  };
}

export function forgetConfirm(ctx: ReplyContext): OutgoingMessage {
  return {
    text: md(ctx, 'forget.confirm'),
    buttons: [
      [
        action(ctx.t('buttons.forget_yes'), { a: 'forget', confirm: true }),
        action(ctx.t('buttons.forget_no'), { a: 'forget', confirm: false }),
      ],
    ],
  };
}

export function helpMessage(ctx: ReplyContext, leadKey?: string): OutgoingMessage {
  return {
    text: [...(leadKey ? md(ctx, leadKey) : []), ...md(ctx, 'help.message')],
    buttons: [footerRow(ctx)],
  };
}
