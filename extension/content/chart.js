/*
 * The Follower Factory chart in the details panel: one dot per follower read, follow order across (position
 * 0, the newest follower, on the left) and account creation date up; the runs the core found (audit.factory.
 * runs: first/last follow positions, created_from/created_to dates) drawn as highlighted boxes, numbered,
 * with one sentence each below the chart. Plots exactly the core's values: the created_at dates core.score
 * returned per follower and the runs core.audit returned; it finds nothing itself. SVG built with the DOM
 * (no markup strings), sized in viewBox units so it scales with the panel.
 *
 * A classic content script: defines globalThis.truefollowChart = {render}.
 */
(() => {
  'use strict';

  const W = 360;
  const H = 170;
  const PAD = { left: 40, right: 8, top: 8, bottom: 22 };
  const { t, pluralKey, number, date } = globalThis.truefollowI18n;

  const { svg } = globalThis.truefollowDom;
  const ms = (iso) => (typeof iso === 'string' ? Date.parse(iso) : NaN);

  /** Draws into `section` (emptied first) from {followers: [{created_at}], factory: {runs} | null}. */
  function render(section, { followers, factory }) {
    section.replaceChildren();
    const h3 = document.createElement('h3');
    h3.textContent = t('chart_title');
    section.append(h3);
    const dated = followers.map((f, i) => ({ i, at: ms(f.created_at) })).filter((p) => Number.isFinite(p.at));
    if (dated.length === 0) {
      const p = document.createElement('p');
      p.textContent = t('chart_empty');
      section.append(p);
      return;
    }
    const runs = Array.isArray(factory?.runs) ? factory.runs : [];
    const n = Math.max(followers.length, ...runs.map((r) => r.last + 1));
    let lo = Math.min(...dated.map((p) => p.at));
    let hi = Math.max(...dated.map((p) => p.at));
    if (hi - lo < 86400e3) { lo -= 86400e3; hi += 86400e3; }
    const x = (i) => PAD.left + (i / Math.max(1, n - 1)) * (W - PAD.left - PAD.right);
    const y = (at) => H - PAD.bottom - ((at - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);

    const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'data-part': 'factory-svg',
      'aria-label': `${t('chart_title')}: ${t('chart_caption')}` });
    chart.append(svg('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom,
      fill: 'none', stroke: '#9ca3af' }));
    runs.forEach((r, k) => {
      const from = ms(r.created_from);
      const to = ms(r.created_to);
      const box = svg('rect', { x: x(r.first) - 2, width: Math.max(4, x(r.last) - x(r.first) + 4),
        y: (Number.isFinite(to) ? y(to) : PAD.top) - 6, height: Math.max(12, (Number.isFinite(from) && Number.isFinite(to) ? y(from) - y(to) : 20) + 12),
        fill: 'rgb(194 65 12 / 0.12)', stroke: '#c2410c', 'stroke-width': 1, 'data-run': k + 1 });
      chart.append(box, svg('text', { x: x(r.first) - 10, y: Math.max(PAD.top + 10, (Number.isFinite(to) ? y(to) : PAD.top) + 4), 'font-size': 10, fill: '#9a3412' }, String(k + 1)));
    });
    const dots = svg('g', { fill: '#1d4ed8', 'data-part': 'factory-dots' });
    for (const p of dated) dots.append(svg('circle', { cx: x(p.i).toFixed(1), cy: y(p.at).toFixed(1), r: 1.6 }));
    chart.append(dots);
    chart.append(svg('text', { x: 2, y: PAD.top + 8, 'font-size': 9, fill: 'currentColor' }, new Date(hi).getUTCFullYear()));
    chart.append(svg('text', { x: 2, y: H - PAD.bottom, 'font-size': 9, fill: 'currentColor' }, new Date(lo).getUTCFullYear()));
    chart.append(svg('text', { x: PAD.left, y: H - 6, 'font-size': 9, fill: 'currentColor' }, `← ${t('chart_axis_x')} (${number(n)})`));
    section.append(chart);

    const caption = document.createElement('p');
    caption.className = 'small';
    caption.textContent = t('chart_caption');
    section.append(caption);
    const list = document.createElement('ul');
    list.setAttribute('data-part', 'factory-runs');
    for (const [k, r] of runs.entries()) {
      const li = document.createElement('li');
      li.textContent = t(pluralKey('chart_run', r.members), number(k + 1), number(r.members), number(r.first + 1), number(r.last + 1),
        date(r.created_from), date(r.created_to));
      list.append(li);
    }
    if (runs.length === 0) {
      const li = document.createElement('li');
      li.textContent = t('chart_none');
      list.append(li);
    }
    section.append(list);
  }

  globalThis.truefollowChart = Object.freeze({ render });
})();
