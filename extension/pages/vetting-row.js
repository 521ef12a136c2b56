/*
 * What the popup says about one stored profile, cell by cell, from its raw row (report-format.js row()): its
 * follower count, its followers' real share, true reach, engagement, who engages, the profile's own verdict and
 * the flags. Every number is the core's, written in the user's language (i18n.js). The profile's verdict is
 * worded as its badge words it (view-model.js badgeFace: "⚠ likely fake · p(fake) 91%"), so a profile whose
 * follower list gives no number (Instagram, Bluesky) still says in the list what its badge says.
 *
 * A classic script: defines globalThis.truefollowVettingRow = {cells}. It reads globalThis.truefollowI18n and
 * globalThis.truefollowFaces when called.
 */
(() => {
  'use strict';

  const i18n = () => globalThis.truefollowI18n;
  const t = (key, ...args) => i18n().t(key, ...args);
  const interval = (ci) => (Array.isArray(ci) ? `${i18n().percent(ci[0])}–${i18n().percent(ci[1])}` : t('unknown'));

  // The profile's verdict as the badge gives it; unknown when the profile itself was never scored.
  function profileWords(r) {
    if (r.profile_verdict === null) return t('unknown');
    const face = globalThis.truefollowFaces.badgeFace({ account: { verdict: r.profile_verdict, p_fake: r.profile_p_fake } });
    return face ? face.text : t('unknown');
  }

  /**
   * The cells of a row: followers, real, reach, engagement, engagers, profile, flags (text each).
   * @param {Record<string, any>} r a row of report-format.js
   * @returns {Record<string, string>}
   */
  function cells(r) {
    const flags = [];
    if (r.too_few) flags.push(t('flag_too_few'));
    if (r.fake_at_least === true && r.fake_ci90_low > 0) flags.push(t('badge_fake_at_least', i18n().percent(r.fake_ci90_low)));
    if (r.engagement_far_below) flags.push(t('flag_far_below'));
    if (r.factory_runs) flags.push(t('flag_runs', i18n().number(r.factory_runs)));
    // Engagers far more fake than the followers, or the other way round (the core's flag), with both numbers.
    // The followers' number is the one the core judged against (report-format.js: engagers_followers_fake_share).
    const followersFake = r.engagers_followers_fake_share ?? r.fake_share;
    if (r.engagers_contrast === 'engagers-more-fake') flags.push(t('flag_engagers_more_fake', i18n().percent(r.engagers_fake_share), i18n().percent(followersFake)));
    if (r.engagers_contrast === 'followers-more-fake') flags.push(t('flag_followers_more_fake', i18n().percent(followersFake), i18n().percent(r.engagers_fake_share)));
    return {
      followers: r.followers === null ? t('unknown') : i18n().number(r.followers),
      // with only a lower bound on the fake share (the core's fake.at_least), at most the rest is real; a list that
      // gives no number (no share, not even a bound) is unknown, not a share of "?"
      real: r.fake_at_least === true && r.real_ci90_high !== null ? t('panel_row_at_most', i18n().percent(r.real_ci90_high))
        : r.real_share === null ? t('unknown')
          : t('panel_row_value', i18n().percent(r.real_share), interval([r.real_ci90_low, r.real_ci90_high])),
      reach: r.reach === null ? t('unknown') : `${i18n().number(Math.round(r.reach))} (${i18n().number(Math.round(r.reach_ci90_low))}–${i18n().number(Math.round(r.reach_ci90_high))})`,
      engagement: r.engagement_rate === null ? t('unknown') : i18n().percent(r.engagement_rate),
      // who engages: their real share and its interval, as the followers' (the stored engagers estimate); each cell
      // names its own kind of range (a two-sided interval or a one-sided bound), so the column's head names neither
      engagers: r.engagers_real_share === null && r.engagers_real_ci90_low === null ? t('unknown')
        : t('panel_row_value', i18n().percent(r.engagers_real_share), interval([r.engagers_real_ci90_low, r.engagers_real_ci90_high])),
      profile: profileWords(r),
      flags: flags.join('; ') || '—',
    };
  }

  globalThis.truefollowVettingRow = Object.freeze({ cells });
})();
