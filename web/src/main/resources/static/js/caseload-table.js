import { el, table, words, shortId, formatDateTime } from './app.js';
import { flagBadges } from './flags.js';

export function caseloadTable(caption, caseload) {
  return table(caption, ['Episode', 'Phase', 'Sessions', 'Next session', 'PHQ-9', 'GAD-7', 'Flags'],
    caseload.entries.map((e) => [el('a', { href: `/episodes/${e.episodeId}` }, `Episode ${shortId(e.episodeId)}`), words(e.phase),
      `${e.sessionsAttended} of ${e.courseLength}${e.sessionsMissed ? `, ${e.sessionsMissed} missed` : ''}`,
      e.nextSessionAt ? formatDateTime(e.nextSessionAt) : 'None booked', e.latestPhq9 ?? '–', e.latestGad7 ?? '–',
      el('div', {}, flagBadges(e.flags))]), 'No open episodes.');
}
