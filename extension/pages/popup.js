/*
 * The popup's behaviour: finds the profile of the current tab (the active tab; when the popup itself is
 * opened as a tab, the tab used last before it), shows what the core returned for it (stored by the worker),
 * lists the profiles checked recently, and keeps the vetting list: add, remove, export as CSV or JSON, and
 * "copy report" for one profile with its inputs and model version (report-format.js). What a row says is
 * vetting-row.js's; every number shown is the core's, formatted in the user's language (i18n.js).
 */
(() => {
  'use strict';

  const api = globalThis.truefollowApi;
  const area = api.storage.local;
  const i18n = globalThis.truefollowI18n;
  const { t } = i18n;
  const records = globalThis.truefollowRecords;
  const format = globalThis.truefollowReportFormat;
  const { siteFor } = globalThis.truefollowSites;
  const $ = (id) => document.getElementById(id);
  const RECENT = 8;

  const { el } = globalThis.truefollowDom;
  const recordOf = (subject) => records.profile(area, subject); // a damaged record reads as none
  // "@handle (platform)"; on Mastodon the full address, and the instance it was seen on when that is another.
  function label(s) {
    const handle = String(s.handle).replace(/^@/, '');
    if (s.platform !== 'mastodon' || typeof s.instance !== 'string') return `@${handle} (${s.platform})`;
    return handle.includes('@') ? `@${handle} (${s.platform}, ${s.instance})` : `@${handle}@${s.instance} (${s.platform})`;
  }
  // The subject of a stored record or a row: its platform, handle and (Mastodon) instance.
  const subjectOf = ({ platform, handle, instance }) => (instance === undefined || instance === null ? { platform, handle } : { platform, handle, instance });
  const profileKey = (s) => globalThis.truefollowStoredShapes.keyOf('p', subjectOf(s));
  const { cells } = globalThis.truefollowVettingRow; // what a row says (vetting-row.js)

  // ---- the current tab ----------------------------------------------------------------------------------

  async function currentSubject() {
    const own = api.runtime.getURL('');
    const tabs = await api.tabs.query({});
    const candidates = tabs.filter((tab) => tab.url && !tab.url.startsWith(own))
      .sort((a, b) => (b.active - a.active) || ((b.lastAccessed ?? 0) - (a.lastAccessed ?? 0)));
    const active = tabs.find((tab) => tab.active && tab.url && !tab.url.startsWith(own));
    const tab = active ?? candidates[0];
    if (!tab) return null;
    const url = new URL(tab.url);
    const site = siteFor(url.hostname);
    const profile = site?.profile(url.pathname);
    if (!profile) return null;
    // Mastodon's records are kept per instance (stored-shapes.js): the tab's host is the instance.
    const instance = globalThis.truefollowStoredShapes.PER_INSTANCE.includes(site.platform) ? url.hostname : undefined;
    return subjectOf({ platform: site.platform, handle: profile.handle.replace(/^@/, ''), instance });
  }

  async function showCurrent() {
    const box = $('current');
    box.replaceChildren();
    const subject = await currentSubject();
    if (!subject) return box.append(el('p', { text: t('popup_no_profile') }));
    const record = await recordOf(subject);
    box.append(el('p', { 'data-part': 'current-profile' }, el('strong', { text: label(subject) })));
    if (!record || (!record.audit && !record.account)) return box.append(el('p', { text: t('popup_not_checked') }));
    const row = format.row(record);
    const c = cells(row);
    box.append(el('dl', { 'data-part': 'current-result' },
      el('dt', { text: t('col_followers') }), el('dd', { text: c.followers }),
      el('dt', { text: t('col_real') }), el('dd', { 'data-part': 'current-real', text: c.real }),
      ...(row.reach !== null ? [el('dt', { text: t('col_reach') }), el('dd', { text: c.reach })] : []),
      el('dt', { text: t('col_engagement') }), el('dd', { text: c.engagement }),
      el('dt', { text: t('panel_engagers') }), el('dd', { 'data-part': 'current-engagers', text: c.engagers }),
      el('dt', { text: t('panel_account_title') }), el('dd', { 'data-part': 'current-profile-verdict', text: c.profile }),
      el('dt', { text: t('col_flags') }), el('dd', { text: c.flags })));
    const add = el('button', { type: 'button', id: 'add-vetting', text: t('popup_add') });
    add.addEventListener('click', async () => {
      await records.setVetting(area, [...(await records.vetting(area)), subject]);
      showVetting();
    });
    const copy = el('button', { type: 'button', id: 'copy-report', text: t('popup_copy') });
    copy.addEventListener('click', () => copyReport(subject));
    box.append(el('p', { class: 'buttons' }, add, ' ', copy));
    box.dataset.subject = JSON.stringify(subject); // report-save.js offers "Save report" for it
  }

  async function copyReport(subject) {
    const record = await recordOf(subject);
    const inputs = await records.inputs(area, subject);
    const text = JSON.stringify(format.report(record, inputs, { extension: api.runtime.getManifest().version }), null, 2);
    $('report').value = text; // shown too, for copying by hand where the clipboard is not available
    $('report').hidden = false;
    $('report-label').hidden = false;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // the text stays in the box above
    }
    $('copy-status').textContent = t('popup_copied');
  }

  // ---- recently checked ------------------------------------------------------------------------------

  async function showRecent() {
    const list = $('recent');
    list.replaceChildren();
    const all = (await records.profiles(area)).filter((r) => r.audit || r.account).slice(0, RECENT);
    if (all.length === 0) return list.append(el('li', { class: 'muted', text: t('popup_none') }));
    for (const r of all) {
      const row = format.row(r);
      const c = cells(row);
      // the profile's own verdict too, where it was scored: the only answer for a list that gives no number
      const profile = row.profile_verdict === null ? '' : `; ${t('panel_account_title')}: ${c.profile}`;
      list.append(el('li', { 'data-handle': r.handle }, el('strong', { text: label(r) }), ` — ${t('col_real')}: ${c.real}${profile}`));
    }
  }

  // ---- the vetting list ------------------------------------------------------------------------------

  async function vettingRows() {
    const rows = [];
    for (const subject of await records.vetting(area)) {
      rows.push(format.row((await recordOf(subject)) ?? { ...subject, audit: null, account: null }));
    }
    return rows;
  }

  async function showVetting() {
    const rows = await vettingRows();
    const table = $('vetting');
    table.replaceChildren();
    $('vetting-empty').hidden = rows.length > 0;
    for (const id of ['export-csv', 'export-json']) $(id).disabled = rows.length === 0;
    if (rows.length === 0) return;
    // True reach needs a two-sided real share, which no shipped model's audit gives today: the column shows only
    // when some row has one, rather than "unknown" all the way down.
    const withReach = rows.some((r) => r.reach !== null);
    const heads = ['col_account', 'col_followers', 'col_real', ...(withReach ? ['col_reach'] : []), 'col_engagement', 'panel_engagers', 'panel_account_title', 'col_flags'];
    table.append(el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', { scope: 'col', text: t(h) })), el('td', {}))));
    const body = el('tbody');
    for (const r of rows) {
      const c = cells(r);
      const remove = el('button', { type: 'button', text: t('popup_remove'), 'aria-label': t('popup_remove_label', label(r)) });
      remove.addEventListener('click', async () => {
        await records.setVetting(area, (await records.vetting(area)).filter((s) => profileKey(s) !== profileKey(r)));
        showVetting();
      });
      body.append(el('tr', { 'data-handle': r.handle, 'data-platform': r.platform },
        el('th', { scope: 'row', text: label(r) }), el('td', { text: c.followers }), el('td', { text: c.real }),
        ...(withReach ? [el('td', { text: c.reach })] : []), el('td', { text: c.engagement }), el('td', { 'data-part': 'engagers', text: c.engagers }),
        el('td', { 'data-part': 'profile', text: c.profile }), el('td', { 'data-part': 'flags', text: c.flags }), el('td', {}, remove)));
    }
    table.append(body);
  }

  async function exportAs(kind) {
    const rows = await vettingRows();
    const text = kind === 'csv' ? format.csv(rows) : format.json(rows);
    const link = $('download');
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type: kind === 'csv' ? 'text/csv' : 'application/json' }));
    link.download = `truefollow-vetting.${kind}`;
    link.dataset.kind = kind;
    link.click();
  }

  // ---- start ---------------------------------------------------------------------------------------------

  async function start() {
    const settings = await globalThis.truefollowSettings.load(area);
    i18n.setLanguage(settings.language);
    document.documentElement.lang = i18n.locale();
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    $('export-csv').addEventListener('click', () => exportAs('csv'));
    $('export-json').addEventListener('click', () => exportAs('json'));
    await Promise.all([showCurrent(), showRecent(), showVetting()]);
    document.body.dataset.ready = 'true';
  }
  start();
})();
