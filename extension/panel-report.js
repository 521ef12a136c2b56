/*
 * "Save report" in the details panel: asks the worker for the profile's one-file HTML report (the core's,
 * wasm/src/report_html.c, the same document as the popup's) and downloads it. The worker answers {html: null}
 * while the profile has no audience estimate; the panel then says so.
 * A classic content script: defines globalThis.truefollowPanelReport = {part}.
 */
(() => {
  'use strict';

  const { t } = globalThis.truefollowI18n;

  /**
   * The panel's section: a button that calls requestHtml() (a promise of the worker's {html}) and saves the
   * answer as fileName. Every text is set as text.
   */
  function part(requestHtml, fileName) {
    const section = document.createElement('p');
    section.setAttribute('data-part', 'save-report');
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: t('popup_save_report') });
    const status = Object.assign(document.createElement('span'), { className: 'small' });
    status.setAttribute('role', 'status');
    const link = document.createElement('a');
    link.hidden = true;
    button.addEventListener('click', async () => {
      status.textContent = '';
      try {
        const { html } = await requestHtml();
        if (typeof html !== 'string') {
          status.textContent = ` ${t('popup_not_checked')}`;
          return;
        }
        if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        link.download = fileName;
        link.dataset.kind = 'html';
        link.click();
      } catch (error) {
        status.textContent = ` ${String(error?.message ?? error)}`;
      }
    });
    section.append(button, status, link);
    return section;
  }

  globalThis.truefollowPanelReport = Object.freeze({ part });
})();
