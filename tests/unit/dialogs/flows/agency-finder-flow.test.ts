/**
 * The agency finder in the pure engine: a typed town, a shared location (three nearest with distances), open now
 * in the office's own time zone, map links, and honest "the directory is thin here" with the hotline.
 */
import { describe, expect, it } from 'vitest';
import { encodePayload } from '../../../../src/dialogs/payloads.js';
import type { LinkButton } from '../../../../src/messaging/outgoing-message.js';
import { answerFor, buttonLabels, findPayload, replies, replyText } from '../../../support/dialog-harness.js';
import { startedServices } from '../../../support/service-flows.js';

const links = (m: ReturnType<typeof replies>[number] | undefined) =>
  (m?.buttons ?? []).flat().filter((b): b is LinkButton => b.kind === 'link');

describe('agency finder', () => {
  it('asks for a town or a location, with region buttons and the location request', () => {
    const h = startedServices();
    const ask = h.press('ag:go');
    expect(replyText(ask)).toMatch(/Напишите ваш город, посёлок или район/);
    expect(replies(ask)[0]!.requestLocation).toBe(true);
    expect(buttonLabels(replies(ask)[0])).toEqual(
      expect.arrayContaining(['Пермский край', 'Волгоградская область']),
    );
  });

  it('finds offices by a typed town in any case and form, with address, phone, source and a map link', () => {
    const h = startedServices();
    h.press('ag:go');
    const found = h.text('в ВОЛЖСКОМ');
    const text = replyText(found);
    expect(text).toMatch(/Волжский — адресов в справочнике: 1/);
    expect(text).toMatch(/ГКУ «Центр социальной защиты населения по городу Волжскому»/);
    expect(text).toMatch(/📍 Волжский, улица Кирова, 17/);
    expect(text).toMatch(/📞 \(8443\) 55-69-99/);
    expect(text).toMatch(/Часов работы в справочнике нет/);
    expect(text).toMatch(/Сведения могли устареть \(источник: дата не указана\)/);
    expect(text).toMatch(/Источник: volzsky\.ru, дата не указана/);
    // Thin: no Social Fund office or МФЦ there, so the hotline follows.
    expect(text).toMatch(/нет: клиентских служб Социального фонда, МФЦ/);
    expect(text).toMatch(/8-800-100-00-01/);
    expect(links(replies(found)[0])[0]!.url).toBe(
      `https://yandex.ru/maps/?text=${encodeURIComponent('Волжский, улица Кирова, 17')}`,
    );
  });

  it('gives Volgograd and Volzhsky numbers with their area code, tappable, the label left out of the link', () => {
    const h = startedServices();
    const spans = (effects: ReturnType<typeof h.press>) =>
      (replies(effects)[0]?.text ?? []).flatMap((b) => (b.type === 'paragraph' ? b.spans : []));
    const volgograd = spans(h.press('ag:p:volgograd'));
    expect(volgograd).toContainEqual({ text: '(8442) 30-80-00', href: 'tel:+78442308000' });
    expect(volgograd).toContainEqual({ text: 'приёмная председателя: ' });
    expect(volgograd).toContainEqual({ text: '(8442) 43-53-91', href: 'tel:+78442435391' });
    expect(spans(h.press('ag:p:volzhsky'))).toContainEqual({
      text: '(8443) 55-69-99',
      href: 'tel:+78443556999',
    });
  });

  it('says plainly that a record copied from a secondhand source is unverified, and names the town once', () => {
    const h = startedServices();
    const frolovo = h.press('ag:p:frolovo');
    const text = replyText(frolovo);
    // The curators' provenance ("GitHub Pro100Sergey228/praktikadiplom … учебная копия") is not for citizens.
    expect(text).not.toMatch(/GitHub|praktikadiplom|учебная копия|Источник:/);
    expect(text).toMatch(
      /Сведения из открытых источников \(2023\), не проверены — уточните по телефону или на сайте soc\.volganet\.ru/,
    );
    // The МФЦ there has no website in the directory, nor has its network: none is made up.
    expect(text).toMatch(
      /Фроловского района[\s\S]*Сведения из открытых источников \(2023\), не проверены — уточните по телефону перед визитом/,
    );
    // "Фролово и Фроловский район, 403538, Волгоградская обл., г. Фролово, …" named the town twice.
    expect(text).toMatch(/📍 403538, Волгоградская обл\., г\. Фролово, ул\. Пролетарская, 14\/2/);
    expect(text).not.toMatch(/Фроловский район, 403538/);
    expect(links(replies(frolovo)[0])[0]!.url).toBe(
      `https://yandex.ru/maps/?text=${encodeURIComponent('403538, Волгоградская обл., г. Фролово, ул. Пролетарская, 14/2')}`,
    );
    // The Perm МФЦ records come from a student bot: the network's website is where to check them.
    const perm = replyText(h.press('ag:p:perm'));
    expect(perm).not.toMatch(/ПНИПУ|Telegram-бот|GitHub/);
    expect(perm).toMatch(/не проверены — уточните по телефону или на сайте mfc\.permkrai\.ru/);
  });

  it('shows whether an office is open now in its own time (Perm is UTC+5)', () => {
    const h = startedServices();
    // Monday 23.11.2026, 04:30 UTC = 09:30 in Perm: the МФЦ opened at 9.
    h.now = Date.UTC(2026, 10, 23, 4, 30);
    h.press('ag:go');
    expect(replyText(h.text('Пермь'))).toMatch(/🟢 Сейчас открыто, до 20:00/);
    // 03:30 UTC = 08:30 in Perm: not yet.
    h.now = Date.UTC(2026, 10, 23, 3, 30);
    expect(replyText(h.press('ag:p:perm'))).toMatch(/🔴 Сейчас закрыто, откроется сегодня в 9:00/);
    // Saturday 28.11, 13:00 UTC = 18:00 in Perm, after closing: opens on Monday.
    h.now = Date.UTC(2026, 10, 28, 13, 0);
    expect(replyText(h.press('ag:p:perm'))).toMatch(/откроется в понедельник в 9:00/);
  });

  it('uses Volgograd time (UTC+3) for a Volgograd office', () => {
    const h = startedServices();
    // Monday 05:45 UTC = 08:45 in Frolovo: the social-protection centre opens at 8:30.
    h.now = Date.UTC(2026, 10, 23, 5, 45);
    h.press('ag:go');
    const text = replyText(h.text('фролово'));
    expect(text).toMatch(
      /ЦСЗН|Центр социальной защиты населения по городу Фролово[\s\S]*🟢 Сейчас открыто, до 17:30/,
    );
    // The МФЦ there opens at 9:00 local.
    expect(text).toMatch(/Фроловского района[\s\S]*🔴 Сейчас закрыто, откроется сегодня в 9:00/);
  });

  it('pages through a city with more than three offices', () => {
    const h = startedServices();
    h.press('ag:go');
    const first = h.text('пермь');
    expect(replyText(first)).toMatch(/Пермь — адресов в справочнике: 6/);
    const more = h.press(findPayload(first, /Ещё адреса/));
    expect(replyText(more)).toMatch(/^4\. /m);
  });

  it('shows the three nearest offices to a shared location, with distances to the town centre', () => {
    const h = startedServices();
    const nearest = h.send({ kind: 'location', latitude: 48.79, longitude: 44.75 });
    const text = replyText(nearest);
    expect(text).toMatch(/Ближайшие к вам/);
    expect(text).toMatch(
      /1\. ГКУ «Центр социальной защиты населения по городу Волжскому»[\s\S]*≈ 1,4 км до центра \(Волжский\)/,
    );
    expect(text).toMatch(/2\. [\s\S]*≈ (19|20|21) км до центра \(Волгоград/);
    expect(text).toMatch(/3\. /);
    expect(text).toMatch(/Расстояние — до центра населённого пункта/);
  });

  it('says the directory covers only two regions when the location is far away', () => {
    const h = startedServices();
    const far = h.send({ kind: 'location', latitude: 55.75, longitude: 37.62 });
    expect(replyText(far)).toMatch(/Рядом с вами в справочнике ничего нет: ближайшее — в \d+ км/);
  });

  it('says where the directory is thin for a town of the region it does not have, and gives the hotline', () => {
    const h = startedServices();
    h.press('ag:go');
    const thin = h.text('Пермский район');
    expect(replyText(thin)).toMatch(
      /По запросу «Пермский район» \(Пермский край\) в справочнике пока нет адресов/,
    );
    expect(replyText(thin)).toMatch(/8-800-101-5-111/);
    expect(replyText(thin)).toMatch(/mfc\.permkrai\.ru/);
    const notFound = h.text('Березники');
    expect(replyText(notFound)).toMatch(/По запросу «Березники» в справочнике ничего нет/);
  });

  it('offers the federal hotlines to someone from another region, whom the directory does not cover ("Москва")', () => {
    const h = startedServices();
    h.press('ag:go');
    const elsewhere = h.text('Москва');
    expect(replyText(elsewhere)).toMatch(
      /По запросу «Москва» в справочнике ничего нет[\s\S]*горячие линии СФР и Госуслуг/,
    );
    const hotlines = h.press(findPayload(elsewhere, /Другой регион: горячие линии/));
    expect(replyText(hotlines)).toMatch(/8-800-100-00-01/);
    // A town of a covered region gets that region's hotline instead (above), not this button.
    h.press('ag:go');
    expect(buttonLabels(replies(h.text('Пермский район'))[0])).not.toContain(
      '📞 Другой регион: горячие линии',
    );
  });

  it('takes a long message for a question, not a town, and leaves the finder', () => {
    const h = startedServices();
    h.press('ag:go');
    h.search.next = { band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 0 };
    h.text('где получить справку о доходах для пособия');
    expect(h.state.flow).toBeUndefined();
    expect(h.search.queries).toContain('где получить справку о доходах для пособия');
  });

  it("after a listing, takes a welfare question naming a town for a question, not for that town's offices", () => {
    const h = startedServices();
    h.press('ag:go');
    h.text('волгоград');
    h.search.next = {
      band: 'answer',
      hits: [
        { entryId: 'housing-subsidy-apply', topic: h.kb.entry('housing-subsidy-apply')!.topic, score: 10 },
      ],
      confidence: 0.9,
    };
    const subsidy = h.text('где оформить субсидию во фролово');
    expect(replyText(subsidy)).toMatch(/^Как оформить субсидию на ЖКУ/);
    expect(replyText(subsidy)).not.toMatch(/адресов в справочнике/);
    expect(h.state.flow).toBeUndefined();
    // The town is remembered for «📍 Адреса и часы работы» under the answer.
    expect(h.state.place).toBe('frolovo');

    h.press('ag:p:frolovo');
    h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    const pensioners = h.text('какие выплаты положены пенсионерам в волжском');
    expect(replyText(pensioners)).not.toMatch(/Волжский — адресов в справочнике/);
    expect(h.state.flow).toBeUndefined();
  });

  it('after a listing, still lists the offices of a town asked for with nothing else ("а в волжском?")', () => {
    const h = startedServices();
    h.press('ag:p:frolovo');
    // What the search made of it: the region's contacts, with a regional measure or two beside them.
    h.search.next = {
      band: 'answer',
      hits: [
        {
          entryId: 'volgograd-social-agencies-contacts',
          topic: h.kb.entry('volgograd-social-agencies-contacts')!.topic,
          score: 10,
        },
      ],
      confidence: 0.8,
    };
    expect(replyText(h.text('а в волжском?'))).toMatch(/^Волжский — адресов в справочнике: 1/);
    expect(replyText(h.text('адреса во фролово'))).toMatch(/^Фролово и Фроловский район — адресов/);
    expect(replyText(h.text('ну а телефон в волжском'))).toMatch(/^Волжский — адресов в справочнике: 1/);
    expect(replyText(h.text('мфц в волгограде'))).toMatch(/^Волгоград — адресов в справочнике/);
    expect(h.state.flow?.code).toBe('ag');
  });

  it('after a listing, leaves for the search when it is sure of an answer that is not about offices', () => {
    const h = startedServices();
    h.press('ag:p:frolovo');
    h.search.next = {
      band: 'answer',
      hits: [{ entryId: 'matcap-amount', topic: h.kb.entry('matcap-amount')!.topic, score: 10 }],
      confidence: 0.9,
    };
    const matcap = h.text('маткапитал волжский');
    expect(replyText(matcap)).not.toMatch(/адресов в справочнике/);
    expect(h.state.flow).toBeUndefined();
  });

  it('does not read "я стою в очереди" as Очёр after a listing', () => {
    const h = startedServices();
    h.press('ag:p:volzhsky');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const queue = h.text('я стою в очереди');
    expect(replyText(queue)).not.toMatch(/Павловский|Очёрский|адресов в справочнике/);
    expect(h.search.queries).toContain('я стою в очереди');
    expect(h.state.flow).toBeUndefined();
  });

  it('right after "write your town", a town with a subject is where to go for it', () => {
    const h = startedServices();
    h.press('ag:go');
    expect(replyText(h.text('субсидия, фролово'))).toMatch(/^Фролово и Фроловский район — адресов/);
  });

  it('lists the towns of a region that have offices', () => {
    const h = startedServices();
    const region = h.press('ag:r:volgograd');
    expect(buttonLabels(replies(region)[0])).toEqual(
      expect.arrayContaining(['Волгоград', 'Волжский', 'Фролово и Фроловский район']),
    );
    expect(replyText(region)).toMatch(/Единый контакт-центр/);
  });

  it("takes a town's offices looked up as where the person lives, for the figures of later answers; a region said before stays", () => {
    const h = startedServices();
    h.press('ag:r:volgograd');
    h.press('ag:p:volzhsky');
    // Not saved, «а сколько единое пособие» next gave the national amounts.
    expect(h.state.region).toBe('volgograd');
    const said = startedServices();
    said.text('я живу в перми');
    said.press('ag:p:volzhsky');
    expect(said.state.region).toBe('perm');
  });

  it('asks where the person lives when the search reads the message as where an office is', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    const ask = h.text('где находится соцзащита');
    expect(replyText(ask)).toMatch(/Напишите ваш город, посёлок или район/);
    expect(buttonLabels(replies(ask)[0])).toContain('Волгоградская область');
    // The town typed next is the finder's.
    expect(replyText(h.text('фролово'))).toMatch(/Фролово и Фроловский район — адресов в справочнике: 2/);
  });

  it('takes the same question asked again, instead of a town, for a question: asks for the place again (was "not found")', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    h.text('где находится соцзащита');
    const again = h.text('где находится соцзащита?');
    expect(replyText(again)).toMatch(/Напишите ваш город, посёлок или район/);
    expect(replyText(again)).not.toMatch(/Не нашёл/);
    expect(h.search.queries).toEqual(['где находится соцзащита', 'где находится соцзащита?']);
    // Another short question leaves the finder for the search.
    h.search.next = { band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 0 };
    h.text('как получить субсидию');
    expect(h.state.flow).toBeUndefined();
    expect(h.search.queries.at(-1)).toBe('как получить субсидию');
  });

  it('after a listing takes "спасибо" or "позовите человека" as the conversation\'s, not as a town not found', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    h.text('где находится соцзащита');
    expect(replyText(h.text('фролово'))).toMatch(/Фролово/);
    h.search.next = { band: 'out_of_scope', intent: 'thanks', hits: [], confidence: 1 };
    const thanks = h.text('спасибо');
    expect(replyText(thanks)).not.toMatch(/Не нашёл/);
    expect(replyText(thanks)).toMatch(/Пожалуйста/);
    expect(h.state.flow).toBeUndefined();
  });

  it('is offered under answers about where to go', () => {
    const h = startedServices();
    const answer = h.press('e:volgograd-social-agencies-contacts');
    expect(buttonLabels(replies(answer)[0])).toContain('📍 Адреса и часы работы');
  });

  it('lists the town the question named when «📍 Адреса и часы работы» is pressed, instead of asking for it again', () => {
    const h = startedServices();
    answerFor(h, 'volgograd-social-agencies-contacts');
    const answer = h.text('какие документы брать в соцзащиту во фролово');
    expect(replyText(answer)).toMatch(/Куда обращаться в Волгоградской области/);
    const offices = h.press(findPayload(answer, '📍 Адреса и часы работы'));
    expect(replyText(offices)).toMatch(/Фролово и Фроловский район — адресов в справочнике: 2/);
    expect(replyText(offices)).not.toMatch(/Напишите ваш город/);
    // The town is remembered: after another part of the answer and «Кратко», the button still knows it.
    h.press(encodePayload({ a: 'section', id: 'volgograd-social-agencies-contacts', section: 'apply' }));
    const again = h.press('e:volgograd-social-agencies-contacts');
    expect(replyText(h.press(findPayload(again, '📍 Адреса и часы работы')))).toMatch(
      /Фролово и Фроловский район — адресов/,
    );
  });

  it("asks for the town under an answer when none was named; lists the region's towns when the region was named since", () => {
    const h = startedServices();
    answerFor(h, 'volgograd-social-agencies-contacts');
    const plain = h.text('куда обращаться по соцзащите');
    expect(replyText(h.press(findPayload(plain, '📍 Адреса и часы работы')))).toMatch(
      /Напишите ваш город, посёлок или район/,
    );
    h.text('телефон соцзащиты во фролово');
    // The town forgotten, the region named: its towns that have offices, one tap from the town's (citizen audit 7, L5).
    const elsewhere = h.text('а в Волгоградской области?');
    expect(replyText(h.press(findPayload(elsewhere, '📍 Адреса и часы работы')))).toMatch(
      /^Волгоградская область\. Выберите город или район/,
    );
  });

  it('answers a short "куда идти во фролово" after an answer with that town\'s offices, not with choices', () => {
    const h = startedServices();
    answerFor(h, 'housing-subsidy-apply');
    h.text('субсидия на коммуналку');
    // What the search made of it in the audit: a list of the region's entries to choose from.
    h.search.next = {
      band: 'clarify',
      hits: ['volgograd-subsistence-minimum', 'volgograd-social-agencies-contacts'].map((entryId) => ({
        entryId,
        topic: h.kb.entry(entryId)!.topic,
        score: 10,
      })),
      confidence: 0.5,
    };
    const where = h.text('а куда идти во фролово');
    expect(replyText(where)).toMatch(/^Фролово и Фроловский район — адресов в справочнике: 2/);
    expect(replyText(where)).toMatch(/Центр социальной защиты населения по городу Фролово/);
    expect(replyText(h.text('где соцзащита в Волжском?'))).toMatch(/^Волжский — адресов в справочнике: 1/);
    // A question about something in that town stays the search's.
    const other = startedServices();
    answerFor(other, 'housing-subsidy-apply');
    expect(replyText(other.text('где оформить субсидию во фролово'))).toMatch(
      /^Как оформить субсидию на ЖКУ/,
    );
    expect(other.search.queries).toEqual(['где оформить субсидию во фролово']);
  });

  it('after a listing, answers how to get there, the hours, Saturday and the phones of the offices listed', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.press('ag:p:frolovo');
    const route = h.text('а как туда доехать');
    expect(replyText(route)).not.toMatch(/Не нашёл/);
    expect(replyText(route)).toMatch(
      /1\. ЦСЗН Фролово\n📍 403538, Волгоградская обл\., г\. Фролово, ул\. Пролетарская, 14\/2/,
    );
    expect(replyText(route)).toMatch(/2\. МФЦ Фролово\n📍 .*Пролетарская, д\. 12/);
    expect(replyText(route)).toMatch(/нажмите под сообщением кнопку «🗺»/);
    expect(links(replies(route)[0]).map((l) => l.url)).toEqual([
      `https://yandex.ru/maps/?text=${encodeURIComponent('403538, Волгоградская обл., г. Фролово, ул. Пролетарская, 14/2')}`,
      `https://yandex.ru/maps/?text=${encodeURIComponent('403538, Волгоградская обл., г. Фролово, ул. Пролетарская, д. 12')}`,
    ]);

    // Monday 13:00 in Volgograd.
    const hours = replyText(h.text('а часы работы какие'));
    expect(hours).toMatch(/ЦСЗН Фролово\n🕘 Пн–Пт 8:30–17:30\n🟢 Сейчас открыто, до 17:30/);
    expect(hours).toMatch(/МФЦ Фролово\n🕘 Пн 9:00–20:00, Вт–Пт 9:00–18:00, Сб 9:00–15:00/);

    // The search reads it as the assistant's own hours; after a listing "they" are the offices.
    h.search.next = { band: 'out_of_scope', intent: 'hours', hits: [], confidence: 1 };
    const saturday = replyText(h.text('а в субботу работают?'));
    expect(saturday).toMatch(/^Часы работы в субботу/);
    expect(saturday).toMatch(/ЦСЗН Фролово\n🕘 выходной/);
    expect(saturday).toMatch(/МФЦ Фролово\n🕘 9:00–15:00/);
    expect(saturday).not.toMatch(/Консультанты отвечают/);

    h.search.next = { band: 'out_of_scope', intent: 'off_topic', hits: [], confidence: 1 };
    const phone = h.text('а телефон?');
    expect(replyText(phone)).toMatch(/ЦСЗН Фролово\n📞 \+7 \(84465\) 4-12-32/);
    expect(replyText(phone)).toMatch(/МФЦ Фролово\n📞 8 \(84465\) 2-50-18/);
    expect(replyText(phone)).not.toMatch(/не помогу/);
    expect(h.state.flow?.step).toBe('listed');
  });

  it('after a listing, names the offices by their numbers in it, gives the phone where hours are missing, and the hotline', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const first = h.press('ag:p:perm');
    h.press(findPayload(first, /Ещё адреса/));
    const phones = replyText(h.text('телефон'));
    expect(phones).toMatch(/^4\. /m);
    expect(phones).not.toMatch(/^1\. /m);
    // A Volgograd МФЦ with neither hours nor phone in the directory: the hotline.
    h.press('ag:p:volgograd');
    const hours = replyText(h.text('а во сколько открывается мфц?'));
    expect(hours).toMatch(/^3\. МФЦ, пр\. Жукова, 125\n🕘 Часов работы в справочнике нет/m);
    expect(hours).not.toMatch(/Комитет/);
    expect(hours).toMatch(/уточните на горячей линии[\s\S]*8-800-100-00-01/);
    const committee = replyText(h.text('а часы работы?'));
    expect(committee).toMatch(
      /Комитет соцзащиты области\n🕘 Часов работы в справочнике нет\n📞 приёмная председателя: \(8442\) 30-80-00/,
    );
  });

  it('after the nearest offices to a location, answers how to get there with their map buttons', () => {
    const h = startedServices();
    h.send({ kind: 'location', latitude: 48.79, longitude: 44.75 });
    const route = h.text('как добраться');
    expect(replyText(route)).toMatch(/^1\. ЦСЗН Волжского\n📍 Волжский, улица Кирова, 17/m);
    expect(links(replies(route)[0])).toHaveLength(3);
  });

  it("after a listing, still leaves for the assistant's own hours, a person, a welfare question, and looks up a town", () => {
    const h = startedServices();
    h.press('ag:p:frolovo');
    h.search.next = { band: 'out_of_scope', intent: 'hours', hits: [], confidence: 1 };
    expect(replyText(h.text('а вы в субботу работаете?'))).toMatch(/Консультанты отвечают/);
    expect(h.state.flow).toBeUndefined();

    h.press('ag:p:frolovo');
    h.search.next = { band: 'out_of_scope', intent: 'human', hits: [], confidence: 1 };
    h.text('консультант');
    expect(h.state.handoff).toBeDefined();

    const other = startedServices();
    other.press('ag:p:frolovo');
    other.search.next = {
      band: 'answer',
      hits: [{ entryId: 'matcap-amount', topic: other.kb.entry('matcap-amount')!.topic, score: 10 }],
      confidence: 0.9,
    };
    expect(replyText(other.text('а сколько маткапитал'))).not.toMatch(/по справочнику/);
    expect(other.state.flow).toBeUndefined();

    // No Social Fund office in that list: the search knows the Fund's numbers.
    other.press('ag:p:frolovo');
    other.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    expect(replyText(other.text('телефон пенсионного фонда'))).not.toMatch(/по справочнику/);
    expect(other.state.flow).toBeUndefined();

    other.press('ag:p:frolovo');
    other.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    // Looked up as a place (the test double of the understanding does not know its region).
    expect(replyText(other.text('Камышин'))).toMatch(/По запросу «Камышин» в справочнике ничего нет/);
  });

  it('takes a town named without "в" in a question about offices as "во фролово" is: listed or remembered', () => {
    const h = startedServices();
    // What the search made of it: the region's contacts.
    h.search.next = {
      band: 'answer',
      hits: [
        {
          entryId: 'volgograd-social-agencies-contacts',
          topic: h.kb.entry('volgograd-social-agencies-contacts')!.topic,
          score: 10,
        },
      ],
      confidence: 0.8,
    };
    expect(replyText(h.text('соцзащита фролово адрес'))).toMatch(/^Фролово и Фроловский район — адресов/);
    h.press(encodePayload({ a: 'menu' }));
    const phone = h.text('мфц волжский документы');
    expect(replyText(phone)).toMatch(/Куда обращаться в Волгоградской области/);
    expect(replyText(h.press(findPayload(phone, '📍 Адреса и часы работы')))).toMatch(
      /^Волжский — адресов в справочнике: 1/,
    );
    // A town the directory lacks, with its region named: the button lists the region's towns that have offices
    // and its hotline (it asked for the town, whose answer was that hotline; citizen audit 7, L5).
    const kamyshin = h.text('пенсионный фонд камышин волгоградская область');
    expect(replyText(h.press(findPayload(kamyshin, '📍 Адреса и часы работы')))).toMatch(
      /^Волгоградская область\. Выберите город или район/,
    );
  });

  it('labels each map button with the number and street of the office it opens, one a row, within 40 characters', () => {
    const h = startedServices();
    const frolovo = replies(h.press('ag:p:frolovo'))[0];
    expect(links(frolovo).map((l) => l.label)).toEqual([
      '🗺 1. ул. Пролетарская, 14/2',
      '🗺 2. ул. Пролетарская, 12',
    ]);
    expect((frolovo?.buttons ?? []).filter((row) => row.some((b) => b.kind === 'link'))).toHaveLength(2);
    // The second page of Perm goes on with the list's numbers.
    const perm = h.press('ag:p:perm');
    expect(links(replies(h.press(findPayload(perm, /Ещё адреса/)))[0]).map((l) => l.label)).toEqual([
      '🗺 4. шоссе Космонавтов, 65',
      '🗺 5. ул. Ленина, 51',
    ]);
    // Every office of the directory: VK cuts a label at 40 characters.
    for (const place of ['perm', 'gubakha', 'pavlovsky-ochyor', 'volgograd', 'volzhsky', 'frolovo']) {
      let page = h.press(`ag:p:${place}`);
      for (let more = 0; more < 3; more++) {
        for (const label of links(replies(page)[0]).map((l) => l.label))
          expect(Array.from(label).length, label).toBeLessThanOrEqual(40);
        const next = (replies(page)[0]?.buttons ?? []).flat().find((b) => /Ещё адреса/.test(b.label));
        if (next?.kind !== 'action') break;
        page = h.press(next.payload);
      }
    }
  });
});

describe('agency finder, a place in another region', () => {
  it("«я из саратова» says the directory has Perm and Volgograd only and where that region's offices are found (was «Не нашёл» with Perm's ministry lines)", () => {
    const h = startedServices();
    h.press('ag:go');
    const reply = h.text('я из саратова');
    const text = replyText(reply);
    expect(text).toMatch(
      /^В справочнике адреса только Пермского края и Волгоградской области — учреждений региона «Саратовская область» в нём нет/,
    );
    expect(text).toMatch(/8-800-100-00-01/);
    expect(text).not.toMatch(/Пермского края: 8-800-101|Не нашёл/);
    expect(buttonLabels(replies(reply)[0])).toContain('📞 Другой регион: горячие линии');
    // Still asking for a place: a town of the two regions next is listed.
    expect(h.state.flow?.step).toBe('place');
  });

  it('«где соцзащита в саратове» asked outright says the same, not «Не нашёл» with Perm’s ministry lines (citizen audit 6: «где соцзащита в казани»)', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    const text = replyText(h.text('где соцзащита в саратове'));
    expect(text).toMatch(
      /^В справочнике адреса только Пермского края и Волгоградской области — учреждений региона «Саратовская область» в нём нет/,
    );
    expect(text).toMatch(/8-800-100-00-01/);
    expect(text).not.toMatch(/Пермского края: 8-800-101|Не нашёл/);
  });
});

describe('a town named earlier in the conversation (citizen audit 4, H6)', () => {
  const subsidyAnswer = (h: ReturnType<typeof startedServices>) => {
    answerFor(h, 'housing-subsidy-apply');
    return h.text('как оформить субсидию на жку я живу во фролово');
  };

  it('puts its addresses under the answer and under «а куда идти», its «Как подать» (were the general «МФЦ или соцзащита» only)', () => {
    const h = startedServices();
    expect(buttonLabels(replies(subsidyAnswer(h))[0])).toContain('📍 Адреса и часы работы');
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    const where = h.text('а куда идти');
    expect(replyText(where)).toMatch(/^Как оформить субсидию на ЖКУ — документы и куда подать — Как подать/);
    expect(buttonLabels(replies(where)[0])).toContain('📍 Адреса и часы работы');
    const offices = h.press(findPayload(where, '📍 Адреса и часы работы'));
    expect(replyText(offices)).toMatch(/^Фролово и Фроловский район — адресов в справочнике: 2/);
  });

  it('«где соцзащита», «адрес мфц» after «я из фролово» list that town’s offices (were the region’s contacts among choices)', () => {
    for (const asked of ['где соцзащита', 'адрес мфц']) {
      const h = startedServices();
      h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
      h.text('я из фролово');
      expect(h.state.place).toBe('frolovo');
      h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
      expect(replyText(h.text(asked)), asked).toMatch(
        /^Фролово и Фроловский район — адресов в справочнике: 2/,
      );
    }
  });

  it('«куда обращаться» typed or «📍 Куда обратиться» pressed after «я из фролово» lists that town’s offices (asked the town again)', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('я из фролово');
    h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    const typed = h.text('а куда обращаться');
    expect(replyText(typed)).toMatch(/^Фролово и Фроловский район — адресов в справочнике: 2/);
    // Another place is one tap away, and that tap asks for it.
    expect(replyText(h.press(findPayload(typed, '🔎 Другое место')))).toMatch(/Напишите ваш город/);
    const menu = h.press(findPayload(typed, '🏠 Меню'));
    expect(replyText(h.press(findPayload(menu, '📍 Куда обратиться')))).toMatch(
      /^Фролово и Фроловский район — адресов в справочнике: 2/,
    );
    // A citizen who named no town is asked for it, as before.
    const fresh = startedServices();
    fresh.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    expect(replyText(fresh.text('а куда обращаться'))).toMatch(/Напишите ваш город/);
  });

  it('an office’s phone asked with a town of the directory in the question lists that town’s offices (were the region’s general contacts; citizen audit 7, M7)', () => {
    for (const asked of [
      'соцзащита волжский телефон',
      'телефон соцзащиты во фролово',
      'какой номер мфц в фролово',
    ]) {
      const h = startedServices();
      h.search.next = {
        band: 'answer',
        hits: [{ entryId: 'hotlines-contacts', topic: 'office-hours-contacts', score: 20 }],
        confidence: 0.8,
      };
      expect(replyText(h.text(asked)), asked).toMatch(
        /^(Волжский|Фролово и Фроловский район) — адресов в справочнике/,
      );
    }
    // A phone of something else is the search's.
    const other = startedServices();
    answerFor(other, 'housing-subsidy-apply');
    expect(replyText(other.text('телефон горячей линии по субсидии во фролово'))).toMatch(
      /^Как оформить субсидию/,
    );
  });

  it('an office’s hours asked, with the town in it or named before, lists that town’s offices with their hours (citizen audit 6)', () => {
    for (const [before, asked] of [
      ['я из фролово', 'мфц во сколько работает'],
      [undefined, 'мфц во фролово во сколько работает'],
      [undefined, 'режим работы мфц фролово'],
    ] as const) {
      const h = startedServices();
      h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
      if (before) h.text(before);
      h.search.next = {
        band: 'answer',
        hits: [{ entryId: 'hotlines-contacts', topic: 'office-hours-contacts', score: 20 }],
        confidence: 0.8,
      };
      const reply = replyText(h.text(asked));
      expect(reply, asked).toMatch(/^Фролово и Фроловский район — адресов в справочнике: 2/);
      expect(reply, asked).toMatch(/Пн 9:00–20:00|откроется|Открыто/);
    }
    // «сколько» alone asks an amount, not the hours.
    const amount = startedServices();
    amount.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    expect(replyText(amount.text('а соцзащита фролово сколько'))).not.toMatch(/адресов в справочнике/);
    // No place named: where the person lives is asked; «Субботу работает» is no place («Не нашёл» it).
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    const ask = replyText(h.text('соцзащита в субботу работает?'));
    expect(ask).toMatch(/Напишите ваш город, посёлок или район/);
    expect(ask).not.toMatch(/Не нашёл/);
    // A town the directory lacks: its name, without the hours' words (it was «Не нашёл «Работает москве»»).
    const moscow = startedServices();
    moscow.search.next = { band: 'out_of_scope', intent: 'find_office', hits: [], confidence: 1 };
    expect(replyText(moscow.text('во сколько работает мфц в москве'))).toMatch(/^По запросу «Москве»/);
  });

  it('a town said alone is remembered for «где соцзащита» after it, and «мфц фролово» alone is that town’s offices (citizen audit 6: the region’s contacts among choices)', () => {
    const h = startedServices();
    h.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
    h.text('Фролово');
    expect(h.state.place).toBe('frolovo');
    h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    expect(replyText(h.text('где соцзащита'))).toMatch(
      /^Фролово и Фроловский район — адресов в справочнике: 2/,
    );
    for (const asked of ['мфц фролово', 'соцзащита фролово']) {
      const alone = startedServices();
      alone.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
      expect(replyText(alone.text(asked)), asked).toMatch(
        /^Фролово и Фроловский район — адресов в справочнике: 2/,
      );
    }
    // Not a district alone, nor a name with more words (verification pass 7: «Павловский Посад» was Perm's Павловский).
    for (const said of ['Павловский Посад', 'Дзержинский']) {
      const other = startedServices();
      other.search.next = { band: 'out_of_scope', hits: [], confidence: 0 };
      other.text(said);
      expect(other.state.place, said).toBeUndefined();
    }
    // Something asked about there is the search's.
    const asked = startedServices();
    asked.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    expect(replyText(asked.text('мфц фролово документы на субсидию'))).not.toMatch(/адресов в справочнике/);
  });

  it('lists the kind of office asked for first, and says first when the directory has none of it (citizen audit 6)', () => {
    const listed = (asked: string) => {
      const h = startedServices();
      h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
      return replyText(h.text(asked));
    };
    const mfc = listed('мфц фролово');
    expect(mfc.indexOf('Филиал МФЦ')).toBeGreaterThan(0);
    expect(mfc.indexOf('Филиал МФЦ')).toBeLessThan(mfc.indexOf('Центр социальной защиты'));
    const social = listed('адрес соцзащиты фролово');
    expect(social.indexOf('Центр социальной защиты')).toBeLessThan(social.indexOf('Филиал МФЦ'));
    // The next page keeps the order: the kind goes into its button.
    const h = startedServices();
    h.search.next = { band: 'clarify', hits: [], confidence: 0.4 };
    const first = h.text('адрес мфц в волгограде');
    expect(findPayload(first, /Ещё|ещё/)).toBe('ag:p:volgograd:1:mfc');
    // No Social Fund office in the directory: said before the other offices' cards, not after them.
    const fund = listed('где пенсионный фонд во фролово');
    expect(fund).toMatch(
      /^Фролово и Фроловский район — адресов в справочнике: 2\.\s+В справочнике по этому месту нет: клиентских служб Социального фонда/,
    );
  });

  it('an answer with no town named has no addresses button unless it is about contacts', () => {
    const h = startedServices();
    answerFor(h, 'housing-subsidy-apply');
    expect(buttonLabels(replies(h.text('как оформить субсидию на жку'))[0])).not.toContain(
      '📍 Адреса и часы работы',
    );
  });
});
