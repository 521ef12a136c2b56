// @ts-check
/*
 * Who engages, kept with the profile: the engagers estimate (the core's audit.engagers) is made only from the
 * likers, reposters and commenters a tab has read on the profile's post pages, so an audit of its followers
 * made in another tab, or after a reload, has none. The worker then answers and stores that audit with the
 * engagers estimate stored with the profile's previous audit, as it was made: it lives inside the profile's
 * 'a|' record (store.js), so it is counted, kept and removed with the profile's own estimate, never apart.
 *
 * Each engagers estimate carries:
 *   made_at               when it was made (milliseconds, as the store's audit_at)
 *   followers_fake_share  the followers' fake share its contrast was judged against (the core's flag compares
 *                         the two estimates of one audit; a later followers estimate is not re-judged here)
 *   carried: true         only on one taken over from an earlier audit (not made from this audit's inputs)
 *
 * A classic script (the worker imports it for its side effect; the Node tests load it): defines
 * globalThis.truefollowEngagersKept = {withEngagers}.
 */
(() => {
  'use strict';

  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

  /**
   * The audit to answer and store. audit: the core's new audit; stored: the profile as the store gives it
   * (stored-shapes.js profileOf: {audit, audit_at, ...}) or null; now: milliseconds. Its own engagers estimate when
   * its inputs showed engagers, stamped; else the stored one, marked carried; else the audit as it is.
   */
  function withEngagers(audit, stored, now) {
    if (!isObject(audit)) return audit;
    if (isObject(audit.engagers)) {
      return { ...audit, engagers: { ...audit.engagers, made_at: now, followers_fake_share: num(audit.fake?.share) } };
    }
    const kept = stored?.audit?.engagers;
    if (!isObject(kept)) return audit;
    const madeAt = num(kept.made_at) ?? num(stored.audit_at);
    if (madeAt === null) return audit;
    const judgedAgainst = 'followers_fake_share' in kept ? num(kept.followers_fake_share) : num(stored.audit.fake?.share);
    return { ...audit, engagers: { ...kept, made_at: madeAt, followers_fake_share: judgedAgainst, carried: true } };
  }

  globalThis.truefollowEngagersKept = Object.freeze({ withEngagers });
})();
