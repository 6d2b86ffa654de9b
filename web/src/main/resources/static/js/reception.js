import { get, el, fill, table, badge, words, shortId, formatDate, showReadModelStatus } from './app.js';

const link = (href, text) => el('a', { href }, text);

function waitBadges(entry) {
  const days = entry.daysSinceReferral;
  if (days > 126) return badge('Over 18 weeks', 'bad');
  if (days > 42) return badge('Over 6 weeks', 'warn');
  if (days > 28) return badge(`6 weeks on ${formatDate(entry.breaches6WeeksOn)}`, 'info');
  return null;
}

showReadModelStatus();
const [awaiting, waiting, unseen] = await Promise.all([get('/api/referrals/awaiting-assessment'), get('/api/waiting-list'),
  get('/api/waiting-list/allocated-not-seen')]);
if (awaiting.ok) {
  fill('awaiting', table(`${awaiting.body.count} awaiting assessment`, ['Referral', 'Priority', 'Referred', 'Days waiting', ''],
    awaiting.body.entries.map((e) => [shortId(e.episodeId), e.priority === 'URGENT' ? badge('Urgent', 'bad') : 'Routine',
      formatDate(e.referredOn), String(e.daysWaiting), link(`/episodes/${e.episodeId}/assessment`, `Assess ${shortId(e.episodeId)}`)]),
    'Nobody is awaiting assessment.'));
}
if (waiting.ok) {
  const w = waiting.body;
  fill('waiting', el('p', {}, `${w.count} waiting; ${w.over6Weeks} over 6 weeks, ${w.over18Weeks} over 18 weeks.`),
    table('Waiting list', ['Referral', 'Priority', 'Referred', 'Days since referral', 'Wait', ''],
      w.entries.map((e) => [shortId(e.episodeId), e.priority === 'URGENT' ? badge('Urgent', 'bad') : 'Routine', formatDate(e.referredOn),
        String(e.daysSinceReferral), waitBadges(e) || badge('Within 6 weeks', 'ok'),
        link(`/episodes/${e.episodeId}/allocation`, `Allocate ${shortId(e.episodeId)}`)]), 'Nobody is waiting.'));
}
if (unseen.ok) {
  fill('unseen', table('Allocated, not yet seen', ['Referral', 'Priority', 'Allocated', 'Days since allocation', ''],
    unseen.body.entries.map((e) => [shortId(e.episodeId), words(e.priority), formatDate(e.allocatedOn), String(e.daysSinceAllocation),
      link(`/episodes/${e.episodeId}/allocation`, `Book sessions for ${shortId(e.episodeId)}`)]), 'Everyone allocated has been seen.'));
}
document.body.dataset.ready = 'true';
