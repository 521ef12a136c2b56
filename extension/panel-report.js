/*
 * "Save report" in the details panel: asks the worker for the profile's one-file HTML report (the core's,
 * wasm/src/report_html.c, the same document as the popup's) and downloads it. The worker answers {html: null}
 * while the profile has no audience estimate; the panel then says so. Hook: data-saved on the section holds the
 * last saved file's blob: URL.
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
    button.addEventListener('click', async () => {
      status.textContent = '';
      try {
        const { html } = await requestHtml();
        if (typeof html !== 'string') {
          status.textContent = ` ${t('popup_not_checked')}`;
          return;
        }
        if (section.dataset.saved) URL.revokeObjectURL(section.dataset.saved);
        section.dataset.saved = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
        // The download link is in the panel only while it is clicked: the panel holds no link the page could follow.
        const link = Object.assign(document.createElement('a'), { href: section.dataset.saved, download: fileName });
        section.append(link);
        link.click();
        link.remove();
      } catch (error) {
        status.textContent = ` ${String(error?.message ?? error)}`;
      }
    });
    section.append(button, status);
    return section;
  }

  globalThis.truefollowPanelReport = Object.freeze({ part });
})();
