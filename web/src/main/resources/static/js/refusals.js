// The service's refusals (problem types, docs/design.md §2) in words a clinician understands, and the field of the
// form each one concerns. A type not listed here shows the service's own detail at the top of the form.
const REFUSALS = {
  'focus-not-agreed': ['attendance', 'Agree the focus before recording session 5.'],
  'earlier-session-unresolved': ['attendance', 'An earlier session has no outcome yet: record it as attended or missed first.'],
  'session-in-future': ['attendance', 'This session has not started yet: record it once it has taken place.'],
  'session-not-booked': [null, 'This session is not booked (it may have been cancelled or recorded already).'],
  'session-not-attended': ['text', 'A note can be written only for a session the client attended.'],
  'course-full': ['startsAt', 'The course is full: every session of it is booked or held.'],
  'therapist-double-booked': ['startsAt', 'The therapist already has a session at that time: choose another time.'],
  'session-out-of-order': ['startsAt', 'This starts before a session already booked: sessions are booked in time order.'],
  'therapist-at-capacity': ['therapistId', 'This therapist has no free place on their caseload: choose another.'],
  'therapist-inactive': ['therapistId', 'This therapist no longer takes clients.'],
  'therapist-unknown': ['therapistId', 'This therapist is not registered.'],
  'same-therapist': ['therapistId', 'The episode is already with this therapist.'],
  'episode-not-referred': [null, 'This referral has been assessed already.'],
  'already-assessed': [null, 'This referral has been assessed already.'],
  'episode-not-waiting': ['therapistId', 'The client is not on the waiting list, so no therapist can be allocated.'],
  'episode-not-in-therapy': [null, 'The client is not in therapy: allocate a therapist first.'],
  'episode-ended': [null, 'This episode has ended: nothing more can be recorded in it.'],
  'episode-not-ended': [null, 'A follow-up is booked after the ending.'],
  'no-session-attended': [null, 'The focus can be agreed once the client has attended a session.'],
  'ending-phase-reached': [null, 'The ending phase has begun: the focus can no longer be changed.'],
  'revision-reason-required': ['reason', 'Say why the focus is being revised.'],
  'ending-phase-not-reached': ['sharedOn', 'The goodbye letter is shared in the ending phase (the last four sessions).'],
  'goodbye-letter-already-shared': ['sharedOn', 'The goodbye letter has been shared already.'],
  'completion-requirements-not-met': ['reason',
    'A course can be ended as completed only in the ending phase and after the goodbye letter is shared.'],
  'course-length-exceeded': ['additionalSessions', 'A course may not go beyond 20 sessions.'],
  'course-length-below-minimum': ['courseLength', 'A course has at least 8 sessions.'],
  'course-not-shortened': ['courseLength', 'That is not shorter than the course now: a longer course is an extension.'],
  'sessions-beyond-course-length': ['courseLength', 'Sessions are booked or held beyond that length.'],
  'date-before-referral': [null, 'That date is before the referral.'],
  'client-exists': ['nhsNumber', 'A client with this NHS number is registered already: find them instead.'],
  'invalid-nhs-number': ['nhsNumber', 'This is not a valid NHS number: check the ten digits.'],
  'client-not-found': ['clientId', 'This client is not registered.'],
  'client-forgotten': ['clientId', "This client's record has been erased."],
  'open-episode-exists': ['clientId', 'This client already has an open episode: continue that one.'],
  'follow-up-already-booked': ['startsAt', 'A follow-up is booked already.'],
  'follow-up-before-ending': ['startsAt', 'A follow-up must be after the ending.'],
  'follow-up-not-booked': [null, 'No follow-up is booked, or it has been recorded already.'],
  'nothing-to-correct': [null, 'There is nothing to correct.'],
  'concurrent-modification': [null, 'Someone changed this record at the same moment: reload the page and try again.'],
  'idempotency-key-reused': [null, 'This form was sent already with other details: reload the page and try again.'],
  forbidden: [null, 'Your role does not allow this, or the record is not one of yours.'],
  'not-found': [null, 'This record could not be found.'],
  'service-unavailable': [null, 'The service cannot reach its database just now: try again in a moment.'],
  'payload-too-large': [null, 'That is too much text to send at once.'],
};

/** {field, message} for a problem type such as /problems/focus-not-agreed. */
export function refusal(type, status) {
  const slug = String(type || '').replace(/^.*\/problems\//, '');
  const known = REFUSALS[slug];
  if (known) return { field: known[0], message: known[1] };
  if (status === 403) return { field: null, message: REFUSALS.forbidden[1] };
  return { field: null, message: null };
}
