/**
 * Questions about the complaints filed here: their fate («где моя жалоба», «а когда ответят»), and a wish to
 * withdraw or add to one. The patterns run over comparableText.
 */
import { comparableText } from '../../../i18n/comparable-text.js';
import type { Turn } from '../../turn.js';

/** «жалоба», «обращение» in any form, over comparableText. */
const COMPLAINT_WORD = /(^| )(жалоб\S*|обращени\S*)( |$)/;
/** What a question about a filed complaint's fate asks: where it is, whether it was read or answered, its status. */
const STATUS_CUE =
  /(^| )(где|что с|статус\S*|ответ\S*|рассмотр\S*|прочитал\S*|прочитан\S*|дошл\S*|дошла|приняли|принята|когда|движ\S*|судьб\S*)( |$)/;
/** A new complaint or a question of how to complain, not the fate of one already filed. */
const NEW_COMPLAINT =
  /(^| )(подать|подавать|написать|оставить|составить|пожаловаться|куда|образец|шаблон|хочу подать|как подать)( |$)/;
/**
 * A complaint sent to a body («в соцзащиту», «в прокуратуре», «в минтруд»), or an answer disagreed with: not the
 * chat's own ticket, whatever the citizen filed here (a verification pass: these got the chat's tickets).
 */
const ELSEWHERE_COMPLAINT =
  /(^| )(во?|из) (соцзащит\S*|собес\S*|прокуратур\S*|минтруд\S*|министерств\S*|сфр|пфр|осфр|соцфонд\S*|фонд\S*|мфц|суд\S*|администрац\S*|губернатор\S*|президент\S*|инспекци\S*|управлени\S*|госуслуг\S*|приемн\S*|депутат\S*)( |$)|(^| )(не соглас\S*|несоглас\S*|обжалова\S*)( |$)/;
/** «моя жалоба», «моей жалобой», «мое обращение»: the citizen's own, which is asked about even with none filed. */
const OWN_COMPLAINT = /(^| )(мо[яейюи]|моего|моему|мое) (жалоб\S*|обращени\S*)( |$)/;
/**
 * «хочу отозвать жалобу», «дополнить обращение», «я передумал, отзовите жалобу», «жалобу прошу отозвать»: a filed
 * complaint changed, which a person does (the request form, «отзовите», was refused as off-topic).
 */
export const AMEND_COMPLAINT =
  /(^| )(отозвать|отзову|отзовите|отозвала?|отзываю|забрать|заберу|заберите|дополнить|дополню|дополните|добавить|добавлю|изменить|измените|исправить|исправьте|отменить|отмените|отменяю|удалить|удалите|аннулир\S*)( \S+){0,2} (жалоб\S*|обращени\S*)( |$)|(^| )(жалоб\S*|обращени\S*)( \S+){0,2} (отозвать|отзовите|отзываю|заберите|отмените|удалите|аннулир\S*)( |$)/;
/**
 * «а когда ответят», «ответ когда будет», «скоро ответят?»: a few words with no subject of their own; also as written
 * by ear («а кагда атветят», «када ответят»).
 */
const WHEN_ANSWERED =
  /^(а |и |ну )?(((к[ао]гда|када)|ск[ао]ро|ск[ао]лько ждать)( же)? ([ао]тветят|[ао]тветют|[ао]твет|[ао]твета|[ао]тветите|рассмотрят)|[ао]твет(ят)? ((к[ао]гда|када)|ск[ао]ро)( будет| придет)?|[ао]тветили|уже [ао]тветили)$/;
/** How recent a complaint must be for a bare «а когда ответят» to be about it. */
const JUST_FILED_MS = 3 * 24 * 60 * 60_000;

/**
 * A typed question about the citizen's own complaints («где моя жалоба», «ответили на жалобу?», and right after
 * filing one, «а когда ответят»): only when they have filed one here; otherwise it is a question for the
 * knowledge base (a complaint to an agency elsewhere).
 */
export function asksStatus(turn: Turn, text: string): boolean {
  const words = comparableText(text);
  if (ELSEWHERE_COMPLAINT.test(words)) return false;
  const named = COMPLAINT_WORD.test(words) && STATUS_CUE.test(words) && !NEW_COMPLAINT.test(words);
  if (!named && !WHEN_ANSWERED.test(words)) return false;
  const newest = turn.deps.records?.complaints[0];
  // «где моя жалоба» with nothing filed here: that there is none, and where an agency's answer comes from.
  if (!newest) return named && OWN_COMPLAINT.test(words);
  if (named) return true;
  // A bare «а когда ответят» is about the complaint only if nothing else was answered since it was filed.
  return (
    turn.state.lastEntryId === undefined &&
    newest.status !== 'answered' &&
    turn.deps.now - newest.createdAt < JUST_FILED_MS
  );
}
