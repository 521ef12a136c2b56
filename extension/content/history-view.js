/*
 * The follower-count history in the details panel: a sparkline of every count this device saw for the
 * profile (kept by the worker, records.js), the steps the core calls sudden jumps (wasm/src/history.c, rule
 * in history.h: more than 20% and more than 500 between two observations) marked on it and listed in words.
 * Draws the worker's report as it is; decides nothing.
 *
 * A classic content script: defines globalThis.truefollowHistoryView = {render}.
 */
(() => {
  'use strict';

  const W = 360;
  const H = 50;
  const { t, pluralKey, number, date } = globalThis.truefollowI18n;
  const { svg } = globalThis.truefollowDom;
  const p = (text, attrs = {}) => {
    const node = document.createElement('p');
    node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };

  /** Draws into `section` from the worker's {points: [{t, followers}], jumps: [{index, t, from, to}]}. */
  function render(section, report) {
    section.replaceChildren();
    const h3 = document.createElement('h3');
    h3.textContent = t('history_title');
    section.append(h3);
    const points = Array.isArray(report?.points) ? report.points.filter((q) => Number.isFinite(q?.followers)) : [];
    if (points.length === 0) return section.append(p(t('history_empty')));
    const jumps = Array.isArray(report.jumps) ? report.jumps : [];
    const lo = Math.min(...points.map((q) => q.followers));
    const hi = Math.max(...points.map((q) => q.followers));
    const x = (i) => 4 + (i / Math.max(1, points.length - 1)) * (W - 8);
    const y = (v) => H - 4 - (hi === lo ? 0.5 : (v - lo) / (hi - lo)) * (H - 8);
    // "1 count seen: 1,200." or "3 counts seen, from 1,200 to 9,800."
    const summary = t(pluralKey('history_summary', points.length), number(points.length), number(points[0].followers),
      number(points[points.length - 1].followers));
    const line = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'data-part': 'history-svg',
      'aria-label': summary });
    line.append(svg('polyline', { fill: 'none', stroke: '#1d4ed8', 'stroke-width': 1.5,
      points: points.map((q, i) => `${x(i).toFixed(1)},${y(q.followers).toFixed(1)}`).join(' ') }));
    for (const j of jumps) {
      if (points[j.index]) line.append(svg('circle', { cx: x(j.index), cy: y(points[j.index].followers), r: 3.5, fill: '#c2410c', 'data-jump': j.index }));
    }
    section.append(line,
      p(summary, { 'data-part': 'history-summary' }));
    const list = document.createElement('ul');
    list.setAttribute('data-part', 'history-jumps');
    for (const j of jumps) {
      const li = document.createElement('li');
      li.textContent = t('history_jump', date(j.t, { ms: true }), number(j.from), number(j.to));
      list.append(li);
    }
    if (jumps.length === 0) list.append(Object.assign(document.createElement('li'), { textContent: t('history_no_jump') }));
    section.append(list, p(t('history_rule'), { class: 'small' }));
  }

  globalThis.truefollowHistoryView = Object.freeze({ render });
})();
