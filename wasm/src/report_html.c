#include "report_html.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_html.h"
#include "json_get.h"
#include "reason_words.h"
#include "timefmt.h"
#include "words.h"

/*
 * Every word of the document is a message of the extension's (words.h: report_* for the report's own, and the
 * badge's and the panel's own words for the shares, verdicts, samples, method and reasons); numbers are
 * formatted as the language writes them before they are written, as text, into the document.
 */
#define TEXT_SIZE 512 /* a formatted number, a filled message or a reason */

static double number_at(const cJSON *object, const char *key)
{
    return tf_number_value(cJSON_GetObjectItemCaseSensitive(object, key));
}

static const char *string_at(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

/* A whole number in l's notation ("695.695"), or l's word for unknown. */
static void count_text(const tf_language *l, double value, char *out, size_t size)
{
    if (isfinite(value))
        tf_format_number(l, value, 0, 0, out, size);
    else
        snprintf(out, size, "%s", tf_word(l, "unknown"));
}

/* "<0.1 %" below 0.1%, or ">99.9 %" above 99.9%: a share written so that it rounds to no false 0 % or 100 %. */
static void beyond_text(const tf_language *l, int above, char *out, size_t size)
{
    char number[64];
    tf_format_percent(l, above ? 0.999 : 0.001, 1, number, sizeof number);
    snprintf(out, size, "%s%s", above ? ">" : "<", number);
}

/* A share as a percent in l's notation, as the badge writes it (view-model.js percent): whole percents, one decimal
 * below 10% and above 90% (a share near 100% as exact as its complement near 0%), "<0.1 %" and ">99.9 %" where it
 * would round to a false 0 % or 100 %, and an exact 0 or 1 (an interval's end) as "0 %" or "100 %"; l's word for
 * unknown. It compares 100 * share as the badge does, so the two split at the same values. A Node test
 * (report-language.test.js) holds the two to the same text. */
static void percent_text(const tf_language *l, double share, char *out, size_t size)
{
    double p = 100 * share;
    if (!isfinite(share))
        snprintf(out, size, "%s", tf_word(l, "unknown"));
    else if (p == 0 || p == 100)
        tf_format_percent(l, share, 0, out, size);
    else if (p > 0 && p < 0.1)
        beyond_text(l, 0, out, size);
    else if (p > 99.9 && p < 100)
        beyond_text(l, 1, out, size);
    else
        tf_format_percent(l, share, p < 10 || p > 90 ? 1 : 0, out, size);
}

/* A profile's chance of being fake, as the badge writes it (view-model.js chance): as a share, and never a
 * certainty. The chance is a logistic, never 0 or 1; a 0 or 1 in the core's report is its rounding to six decimals,
 * written "<0.1 %" or ">99.9 %". */
static void chance_text(const tf_language *l, double p, char *out, size_t size)
{
    if (p == 0 || p == 1)
        beyond_text(l, p == 1, out, size);
    else
        percent_text(l, p, out, size);
}

/* Where "likely fake" starts, as the core gave it (six decimals): exactly, with up to four decimals of a percent, never
 * ">99.9 %" (view-model.js cutPercent). */
static void cut_text(const tf_language *l, double p, char *out, size_t size)
{
    tf_format_percent_upto(l, p, 4, out, size);
}

/* For an uncertain profile, from which chance it would read "likely fake", and where that is higher because the model
 * was not measured on its platform, why (view-model.js cutWords); empty for other verdicts or without fake_from. */
static void cut_words(const tf_language *l, const cJSON *profile, char *out, size_t size)
{
    const char *verdict = string_at(profile, "verdict");
    double from = number_at(profile, "fake_from"), labelled = number_at(profile, "fake_from_labelled");
    out[0] = '\0';
    if (!verdict || strcmp(verdict, "uncertain") != 0 || !isfinite(from))
        return;
    char cuts[2][64];
    cut_text(l, from, cuts[0], sizeof cuts[0]);
    cut_text(l, labelled, cuts[1], sizeof cuts[1]);
    const char *args[] = {cuts[0], cuts[1]};
    int unlabelled = isfinite(labelled) && from > labelled; /* only a platform without labelled data has a higher cut */
    tf_word_fill(l, unlabelled ? "verdict_uncertain_unlabelled" : "verdict_uncertain_from", args, unlabelled ? 2 : 1, out,
                 size);
}

/* "low–high" as l writes a range. */
static void range_text(const tf_language *l, const char *low, const char *high, char *out, size_t size)
{
    const char *ends[] = {low, high};
    tf_word_fill(l, "range", ends, 2, out, size);
}

/* A share's 90% interval as percents: "25 %–49 %". */
static void interval_text(const tf_language *l, double low, double high, char *out, size_t size)
{
    char from[64], to[64];
    percent_text(l, low, from, sizeof from);
    percent_text(l, high, to, sizeof to);
    range_text(l, from, to, out, size);
}

/* A time the core wrote as "YYYY-MM-DDTHH:MM:SSZ", shown as "YYYY-MM-DD HH:MM UTC" in every language. */
static void utc_text(const char *iso, char *out, size_t size)
{
    if (iso && strlen(iso) >= 16)
        snprintf(out, size, "%.10s %.5s UTC", iso, iso + 11);
    else
        snprintf(out, size, "%s", iso ? iso : "");
}

/* A profile's verdict in l's words (the badge's); one the extension has no word for, as the core named it. */
static const char *verdict_words(const tf_language *l, const char *verdict)
{
    static const char *const KNOWN[] = {"real", "inactive", "fake", "uncertain", "not-enough-data"};
    static const char *const KEYS[] = {"verdict_real", "verdict_inactive", "verdict_fake", "verdict_uncertain", "badge_no_data"};
    if (!verdict)
        return tf_word(l, "unknown");
    for (size_t i = 0; i < sizeof KNOWN / sizeof *KNOWN; i++)
        if (strcmp(verdict, KNOWN[i]) == 0)
            return tf_word(l, KEYS[i]);
    return verdict;
}

/* How the core's sample was chosen, in the panel's words: the sample counted ("69 neueste Follower", a family
 * of plural forms) and what that choice does to the estimate. Search results and suggestions are never a sample. */
typedef struct sample_words {
    const char *kind, *sample, *bias;
} sample_words;

static const sample_words SAMPLES[] = {
    {"followers", "sample_recent", "panel_bias_recent"},   {"following", "sample_following", "panel_bias_unknown"},
    {"post-author", "sample_posts", "panel_bias_unknown"}, {"listed", "sample_listed", "panel_bias_unknown"},
    {"engagers", "sample_engagers", "panel_bias_engagers"}, {"profile", "sample_profiles", "panel_bias_unknown"},
};
static const sample_words OTHER_SAMPLE = {NULL, "sample_accounts", "panel_bias_unknown"};

static const sample_words *sample_of(const cJSON *audit)
{
    const char *kind = string_at(audit, "sample_kind");
    for (size_t i = 0; kind && i < sizeof SAMPLES / sizeof *SAMPLES; i++)
        if (strcmp(kind, SAMPLES[i].kind) == 0)
            return &SAMPLES[i];
    return &OTHER_SAMPLE;
}

/* A section's start: its heading, which names the section for assistive technology. */
static void section_open(tf_doc *h, const char *id, const char *title)
{
    TF_DOC_MARKUP(h, "<section aria-labelledby=\"");
    tf_doc_text(h, id);
    TF_DOC_MARKUP(h, "\"><h2 id=\"");
    tf_doc_text(h, id);
    TF_DOC_MARKUP(h, "\">");
    tf_doc_text(h, title);
    TF_DOC_MARKUP(h, "</h2>");
}

/* A remark in muted text: where a part has nothing to show, or what qualifies a value. */
static void note(tf_doc *h, const char *text)
{
    TF_DOC_MARKUP(h, "<p class=\"note\">");
    tf_doc_text(h, text);
    TF_DOC_MARKUP(h, "</p>");
}

/* One row of a definition list whose value is text: <dt>term</dt><dd>value</dd>, both escaped. */
static void definition_row(tf_doc *h, const char *term, const char *value)
{
    TF_DOC_MARKUP(h, "<dt>");
    tf_doc_text(h, term);
    TF_DOC_MARKUP(h, "</dt><dd>");
    tf_doc_text(h, value);
    TF_DOC_MARKUP(h, "</dd>");
}

/* The start of a row whose value holds markup of its own; the caller closes it with </dd>. */
static void definition_open(tf_doc *h, const char *term)
{
    TF_DOC_MARKUP(h, "<dt>");
    tf_doc_text(h, term);
    TF_DOC_MARKUP(h, "</dt><dd>");
}

/* A share of the audit's: real, inactive or fake, with its 90% interval (NAN where the core gave none). */
typedef struct share {
    double value, low, high;
} share;

static share share_of(const cJSON *audit, const char *kind)
{
    const cJSON *part = cJSON_GetObjectItemCaseSensitive(audit, kind);
    const cJSON *ci = cJSON_GetObjectItemCaseSensitive(part, "ci90");
    share s = {number_at(part, "share"), tf_number_value(cJSON_GetArrayItem(ci, 0)), tf_number_value(cJSON_GetArrayItem(ci, 1))};
    return s;
}

/* Only bounds (audit.c): at least the fake share's lower edge, so at most the others' upper edges. */
static int one_sided(const cJSON *audit)
{
    return cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(audit, "fake"), "at_least"));
}

/* A one-sided share in words, as the panel says it: "at least 53% (...)" for fake, "at most 45% (...)" else. */
static void bound_text(const tf_language *l, const char *kind, share s, char *out, size_t size)
{
    char value[64];
    int fake = strcmp(kind, "fake") == 0;
    percent_text(l, fake ? s.low : s.high, value, sizeof value);
    const char *args[] = {value};
    tf_word_fill(l, fake ? "panel_row_at_least" : "panel_row_at_most", args, 1, out, size);
}

/* The share drawn as a bar inside its track (the track is aria-hidden: the words beside it say the same). */
static void share_bar(tf_doc *h, const char *kind, double value)
{
    if (!isfinite(value))
        return;
    TF_DOC_MARKUP(h, "<div class=\"bar ");
    tf_doc_text(h, kind);
    TF_DOC_MARKUP(h, "\" style=\"width:");
    tf_doc_textf(h, "%.2f", 100 * value);
    TF_DOC_MARKUP(h, "%\"></div>");
}

/* The cell that says a share in words, opened with the core's number for machines (data-value). */
static void share_value_open(tf_doc *h, const char *kind, double value)
{
    TF_DOC_MARKUP(h, "<td class=\"value\" data-share=\"");
    tf_doc_text(h, kind);
    TF_DOC_MARKUP(h, "\" data-value=\"");
    tf_doc_textf(h, "%.6g", value);
    TF_DOC_MARKUP(h, "\">");
}

/* One row of the shares chart: the share as a bar, its 90% interval as a line across it, and both in words. */
static void share_row(tf_doc *h, const tf_language *l, const char *label_key, const char *kind, const cJSON *audit)
{
    share s = share_of(audit, kind);
    char value[64], interval[TEXT_SIZE];
    percent_text(l, s.value, value, sizeof value);
    interval_text(l, s.low, s.high, interval, sizeof interval);
    int bound = one_sided(audit);
    TF_DOC_MARKUP(h, "<tr><th scope=\"row\">");
    tf_doc_text(h, tf_word(l, label_key));
    TF_DOC_MARKUP(h, "</th><td class=\"chart\"><div class=\"track\" aria-hidden=\"true\">");
    share_bar(h, kind, bound && strcmp(kind, "fake") == 0 ? s.low : s.value);
    if (isfinite(s.low) && isfinite(s.high)) {
        TF_DOC_MARKUP(h, "<div class=\"ci\" style=\"left:");
        tf_doc_textf(h, "%.2f", 100 * s.low);
        TF_DOC_MARKUP(h, "%;width:");
        tf_doc_textf(h, "%.2f", 100 * (s.high - s.low));
        TF_DOC_MARKUP(h, "%\"></div>");
    }
    TF_DOC_MARKUP(h, "</div></td>");
    share_value_open(h, kind, s.value);
    if (bound) {
        bound_text(l, kind, s, interval, sizeof interval);
        tf_doc_text(h, interval);
        TF_DOC_MARKUP(h, "</td></tr>\n");
        return;
    }
    tf_doc_text(h, value);
    TF_DOC_MARKUP(h, " <span class=\"ci-text\">(");
    tf_doc_text(h, tf_word(l, "report_interval"));
    tf_doc_text(h, " ");
    tf_doc_text(h, interval);
    TF_DOC_MARKUP(h, ")</span></td></tr>\n");
}

/* The document's only styles: screen and print (A4, sections kept whole, the bars' colours printed). */
static void style(tf_doc *h)
{
    TF_DOC_MARKUP(h,
    "<style>\n"
    ":root{color-scheme:light;--real:#1d4ed8;--inactive:#6b7280;--fake:#c2410c;--ink:#111827;--muted:#4b5563}\n"
    "body{font:15px/1.5 system-ui,sans-serif;color:var(--ink);background:#fff;margin:0}\n"
    "main{max-width:46rem;margin:2rem auto;padding:0 1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .2rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid #d1d5db}\n"
    ".sub{color:var(--muted);margin:0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}\n"
    "dt{font-weight:600}dd{margin:0}table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;padding:.3rem .5rem .3rem 0;vertical-align:middle}\n"
    ".runs th,.runs td,.inputs th,.inputs td{border-bottom:1px solid #e5e7eb}\n"
    ".chart{width:45%}.track{position:relative;height:1.1rem;background:#e5e7eb;border-radius:3px}\n"
    ".bar{position:absolute;left:0;top:0;bottom:0;border-radius:3px}.bar.real{background:var(--real)}\n"
    ".bar.inactive{background:var(--inactive)}.bar.fake{background:var(--fake)}\n"
    ".ci{position:absolute;top:40%;height:20%;background:#111827}\n"
    ".value{white-space:nowrap}.ci-text{color:var(--muted)}.note{color:var(--muted)}\n"
    ".hash{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all}\n"
    "code{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}\n"
    "@page{size:A4;margin:16mm}\n"
    "@media print{main{margin:0;max-width:none;padding:0}section{break-inside:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
    "</style>\n");
}

static void shares_section(tf_doc *h, const tf_language *l, const cJSON *audit)
{
    char text[TEXT_SIZE];
    section_open(h, "shares", tf_word(l, "report_followers_h"));
    TF_DOC_MARKUP(h, "\n<table class=\"shares\"><caption class=\"note\">");
    tf_doc_text(h, tf_word(l, "report_share_h"));
    tf_doc_text(h, ", ");
    tf_doc_text(h, tf_word(l, "report_interval"));
    TF_DOC_MARKUP(h, "</caption>\n");
    share_row(h, l, "panel_real", "real", audit);
    share_row(h, l, "panel_inactive", "inactive", audit);
    share_row(h, l, "panel_fake", "fake", audit);
    TF_DOC_MARKUP(h, "</table>\n<dl>");
    const sample_words *sample = sample_of(audit);
    char n[64], key[64];
    count_text(l, number_at(audit, "n"), n, sizeof n);
    tf_plural_key(l, sample->sample, number_at(audit, "n"), key, sizeof key);
    const char *counted[] = {n};
    tf_word_fill(l, key, counted, 1, text, sizeof text);
    definition_row(h, tf_word(l, "report_sample_n"), text);
    TF_DOC_MARKUP(h, "</dl>\n");
    note(h, tf_word(l, sample->bias));
    TF_DOC_MARKUP(h, "\n");
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(audit, "too_few"))) {
        TF_DOC_MARKUP(h, "<p><strong>");
        tf_doc_text(h, tf_word(l, "report_too_few"));
        TF_DOC_MARKUP(h, "</strong></p>\n");
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void reach_and_engagement(tf_doc *h, const tf_language *l, const cJSON *audit)
{
    const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
    char value[64], low[64], high[64], followers[64], range[TEXT_SIZE];
    section_open(h, "reach", tf_word(l, "report_reach_h"));
    TF_DOC_MARKUP(h, "<dl>");
    if (cJSON_IsObject(reach)) {
        const cJSON *ci = cJSON_GetObjectItemCaseSensitive(reach, "ci90");
        count_text(l, number_at(reach, "value"), value, sizeof value);
        count_text(l, tf_number_value(cJSON_GetArrayItem(ci, 0)), low, sizeof low);
        count_text(l, tf_number_value(cJSON_GetArrayItem(ci, 1)), high, sizeof high);
        count_text(l, number_at(reach, "followers"), followers, sizeof followers);
        range_text(l, low, high, range, sizeof range);
        definition_open(h, tf_word(l, "report_reach_value"));
        TF_DOC_MARKUP(h, "<span data-reach=\"");
        tf_doc_textf(h, "%.0f", number_at(reach, "value"));
        TF_DOC_MARKUP(h, "\">");
        tf_doc_text(h, value);
        TF_DOC_MARKUP(h, "</span> (");
        tf_doc_text(h, tf_word(l, "report_interval"));
        tf_doc_text(h, " ");
        tf_doc_text(h, range);
        tf_doc_text(h, ") ");
        tf_doc_text(h, tf_word(l, "report_reach_of"));
        tf_doc_text(h, " ");
        tf_doc_text(h, followers);
        TF_DOC_MARKUP(h, "</dd>");
    } else {
        definition_row(h, tf_word(l, "report_reach_value"), tf_word(l, "unknown"));
    }
    TF_DOC_MARKUP(h, "</dl></section>\n");
    section_open(h, "engagement", tf_word(l, "report_engagement_h"));
    const cJSON *engagement = cJSON_GetObjectItemCaseSensitive(audit, "engagement");
    double rate = number_at(engagement, "rate"), typical = number_at(engagement, "tier_typical");
    if (isfinite(rate)) {
        TF_DOC_MARKUP(h, "<dl>");
        tf_format_percent(l, rate, 2, value, sizeof value);
        definition_row(h, tf_word(l, "report_engagement_rate"), value);
        if (isfinite(typical)) {
            tf_format_percent(l, typical, 2, value, sizeof value);
            definition_row(h, tf_word(l, "report_engagement_typical"), value);
        }
        TF_DOC_MARKUP(h, "</dl>");
    } else {
        note(h, tf_word(l, "report_engagement_none"));
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void factory_section(tf_doc *h, const tf_language *l, const cJSON *audit)
{
    const cJSON *factory = cJSON_GetObjectItemCaseSensitive(audit, "factory");
    double dated = number_at(factory, "dated"), in_runs = number_at(factory, "in_runs");
    char text[TEXT_SIZE], number[64], share_text[64];
    section_open(h, "factory", tf_word(l, "report_factory_h"));
    TF_DOC_MARKUP(h, "<dl>");
    count_text(l, dated, number, sizeof number);
    definition_row(h, tf_word(l, "report_factory_dated"), number);
    count_text(l, in_runs, number, sizeof number);
    if (isfinite(dated) && dated > 0 && isfinite(in_runs)) {
        percent_text(l, in_runs / dated, share_text, sizeof share_text);
        snprintf(text, sizeof text, "%s (%s)", number, share_text);
    } else {
        snprintf(text, sizeof text, "%s", number);
    }
    definition_row(h, tf_word(l, "report_factory_in_runs"), text);
    TF_DOC_MARKUP(h, "</dl>\n");
    const cJSON *runs = cJSON_GetObjectItemCaseSensitive(factory, "runs");
    if (cJSON_GetArraySize(runs) == 0) {
        note(h, tf_word(l, "report_factory_none"));
    } else {
        TF_DOC_MARKUP(h, "<table class=\"runs\"><thead><tr><th scope=\"col\">");
        tf_doc_text(h, tf_word(l, "report_created_from"));
        TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
        tf_doc_text(h, tf_word(l, "report_created_to"));
        TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
        tf_doc_text(h, tf_word(l, "report_members"));
        TF_DOC_MARKUP(h, "</th></tr></thead><tbody>");
        const cJSON *run;
        cJSON_ArrayForEach(run, runs) {
            TF_DOC_MARKUP(h, "<tr><td>");
            utc_text(string_at(run, "created_from"), text, sizeof text);
            tf_doc_text(h, text);
            TF_DOC_MARKUP(h, "</td><td>");
            utc_text(string_at(run, "created_to"), text, sizeof text);
            tf_doc_text(h, text);
            TF_DOC_MARKUP(h, "</td><td>");
            count_text(l, number_at(run, "members"), number, sizeof number);
            tf_doc_text(h, number);
            TF_DOC_MARKUP(h, "</td></tr>");
        }
        TF_DOC_MARKUP(h, "</tbody></table>\n");
    }
    TF_DOC_MARKUP(h, "</section>\n");
}

static void profile_section(tf_doc *h, const tf_language *l, const cJSON *profile)
{
    section_open(h, "profile", tf_word(l, "report_profile_h"));
    if (!profile) {
        note(h, tf_word(l, "report_no_profile"));
        TF_DOC_MARKUP(h, "</section>\n");
        return;
    }
    char text[TEXT_SIZE];
    TF_DOC_MARKUP(h, "<dl>");
    definition_open(h, tf_word(l, "report_profile_verdict"));
    tf_doc_text(h, verdict_words(l, string_at(profile, "verdict")));
    cut_words(l, profile, text, sizeof text);
    if (text[0])
        note(h, text);
    TF_DOC_MARKUP(h, "</dd>");
    chance_text(l, number_at(profile, "p_fake"), text, sizeof text);
    definition_row(h, tf_word(l, "report_profile_fake"), text);
    const cJSON *reasons = cJSON_GetObjectItemCaseSensitive(profile, "reasons");
    if (cJSON_GetArraySize(reasons) > 0) {
        definition_open(h, tf_word(l, "report_reasons_h"));
        TF_DOC_MARKUP(h, "<ul>");
        const cJSON *reason;
        cJSON_ArrayForEach(reason, reasons) {
            tf_reason_words(l, reason, text, sizeof text);
            TF_DOC_MARKUP(h, "<li>");
            tf_doc_text(h, text);
            TF_DOC_MARKUP(h, "</li>");
        }
        TF_DOC_MARKUP(h, "</ul></dd>");
    }
    TF_DOC_MARKUP(h, "</dl></section>\n");
}

static void history_section(tf_doc *h, const tf_language *l, const cJSON *history)
{
    section_open(h, "history", tf_word(l, "report_history_h"));
    if (cJSON_GetArraySize(history) == 0) {
        note(h, tf_word(l, "report_history_none"));
        TF_DOC_MARKUP(h, "</section>\n");
        return;
    }
    TF_DOC_MARKUP(h, "<table class=\"runs\" data-part=\"history\"><thead><tr><th scope=\"col\">");
    tf_doc_text(h, tf_word(l, "report_date"));
    TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
    tf_doc_text(h, tf_word(l, "report_followers_h"));
    TF_DOC_MARKUP(h, "</th></tr></thead><tbody>");
    const cJSON *point;
    cJSON_ArrayForEach(point, history) {
        double t = number_at(point, "t");
        char day[21] = "", followers[64];
        if (isfinite(t))
            tf_format_iso8601(t / 1000, day); /* the extension's points are in unix milliseconds */
        day[10] = '\0';
        count_text(l, number_at(point, "followers"), followers, sizeof followers);
        TF_DOC_MARKUP(h, "<tr><td>");
        tf_doc_text(h, isfinite(t) ? day : tf_word(l, "unknown"));
        TF_DOC_MARKUP(h, "</td><td>");
        tf_doc_text(h, followers);
        TF_DOC_MARKUP(h, "</td></tr>");
    }
    TF_DOC_MARKUP(h, "</tbody></table></section>\n");
}

/* The methods the core names (audit.c) and their words: in the panel's (view-model.js), and the paragraph that says
 * what the numbers are. */
typedef struct method_words {
    const char *line;               /* how the core's English line begins */
    const char *words, *paragraph;  /* messages */
} method_words;

static const method_words METHODS[] = {
    {"Rogan-Gladen corrected shares", "panel_method_rg", "report_method_text"},
    {"At-least bound", "panel_method_floor", "report_method_text_floor"},
};

/* The words of the method the core names in its line; NULL for no line, or one the extension has no words for. */
static const method_words *known_method(const char *method)
{
    for (size_t i = 0; method && i < sizeof METHODS / sizeof *METHODS; i++)
        if (strncmp(method, METHODS[i].line, strlen(METHODS[i].line)) == 0)
            return &METHODS[i];
    return NULL;
}

/* A paragraph of text. */
static void paragraph(tf_doc *h, const char *text)
{
    TF_DOC_MARKUP(h, "<p>");
    tf_doc_text(h, text);
    TF_DOC_MARKUP(h, "</p>");
}

/* The method in plain words, as the core names it: the words of the method behind the numbers (the core's own line
 * where the extension has none for it), or why there is no number where the core names no method. And the model
 * that scored the followers. */
static void method_section(tf_doc *h, const tf_language *l, const cJSON *audit)
{
    char text[64];
    const char *method = string_at(audit, "method");
    const method_words *known = known_method(method);
    section_open(h, "method", tf_word(l, "report_method_h"));
    if (!method)
        paragraph(h, tf_word(l, "report_method_text_none"));
    else if (known)
        paragraph(h, tf_word(l, known->paragraph));
    TF_DOC_MARKUP(h, "<dl>");
    definition_open(h, tf_word(l, "report_model"));
    TF_DOC_MARKUP(h, "<code>");
    tf_doc_text(h, string_at(audit, "model"));
    TF_DOC_MARKUP(h, "</code></dd>");
    if (method)
        definition_row(h, tf_word(l, "report_method_core"), known ? tf_word(l, known->words) : method);
    percent_text(l, number_at(audit, "sensitivity"), text, sizeof text);
    definition_row(h, tf_word(l, "report_sensitivity"), text);
    percent_text(l, number_at(audit, "specificity"), text, sizeof text);
    definition_row(h, tf_word(l, "report_specificity"), text);
    TF_DOC_MARKUP(h, "</dl></section>\n");
}

/* The inputs, with the command line that re-derives the numbers from them. */
static void inputs_section(tf_doc *h, const tf_language *l, const tf_report_input *inputs, int n_inputs, double now,
                           const char *options)
{
    section_open(h, "inputs", tf_word(l, "report_inputs_h"));
    TF_DOC_MARKUP(h, "<p>");
    tf_doc_text(h, tf_word(l, "report_inputs_text"));
    TF_DOC_MARKUP(h, "</p><p><code data-part=\"rederive\">truefollow audit --now ");
    tf_doc_textf(h, "%.0f", now);
    if (options && *options) {
        tf_doc_text(h, " ");
        tf_doc_text(h, options);
    }
    for (int i = 0; i < n_inputs; i++) {
        tf_doc_text(h, " ");
        tf_doc_text(h, inputs[i].name);
    }
    TF_DOC_MARKUP(h, "</code></p>\n<table class=\"inputs\"><thead><tr><th scope=\"col\">");
    tf_doc_text(h, tf_word(l, "report_file"));
    TF_DOC_MARKUP(h, "</th><th scope=\"col\">");
    tf_doc_text(h, tf_word(l, "report_bytes"));
    TF_DOC_MARKUP(h, "</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>");
    for (int i = 0; i < n_inputs; i++) {
        char bytes[64];
        count_text(l, (double)inputs[i].bytes, bytes, sizeof bytes);
        TF_DOC_MARKUP(h, "<tr><td>");
        tf_doc_text(h, inputs[i].name);
        TF_DOC_MARKUP(h, "</td><td>");
        tf_doc_text(h, bytes);
        TF_DOC_MARKUP(h, "</td><td class=\"hash\">");
        tf_doc_text(h, inputs[i].sha256);
        TF_DOC_MARKUP(h, "</td></tr>");
    }
    TF_DOC_MARKUP(h, "</tbody></table></section>\n");
}

/* The document's start, up to and with its styles: language, policy (nothing loads, nothing runs) and title. */
static void document_head(tf_doc *h, const tf_language *l, const char *title, const char *handle)
{
    TF_DOC_MARKUP(h, "<!doctype html>\n<html lang=\"");
    tf_doc_text(h, l->tag);
    TF_DOC_MARKUP(h, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>truefollow: ");
    tf_doc_text(h, title);
    if (handle) {
        tf_doc_text(h, " — @");
        tf_doc_text(h, handle);
    }
    TF_DOC_MARKUP(h, "</title>\n");
    style(h);
}

/* When the audit was computed: "YYYY-MM-DD HH:MM UTC". */
static void checked_row(tf_doc *h, const tf_language *l, double now)
{
    char iso[21], date[32];
    tf_format_iso8601(now, iso);
    utc_text(iso, date, sizeof date);
    definition_open(h, tf_word(l, "report_checked"));
    TF_DOC_MARKUP(h, "<time>");
    tf_doc_text(h, date);
    TF_DOC_MARKUP(h, "</time></dd>");
}

static char *finished(tf_doc *html)
{
    if (html->failed) {
        free(html->text);
        return NULL;
    }
    return html->text;
}

char *tf_report_html(const cJSON *audit, const cJSON *profile, const cJSON *history, const tf_report_input *inputs,
                     int n_inputs, const char *lang, double now, const char *options)
{
    const tf_language *l = tf_language_for(lang);
    tf_doc html = {NULL, 0, 0, 0}, *h = &html;
    const char *handle = profile ? string_at(profile, "handle") : NULL;
    if (!handle)
        handle = string_at(audit, "profile");
    const char *platform = profile ? string_at(profile, "platform") : NULL;

    document_head(h, l, tf_word(l, "report_title"), handle);
    TF_DOC_MARKUP(h, "</head>\n<body>\n<main>\n<header><h1>");
    tf_doc_text(h, tf_word(l, "report_title"));
    TF_DOC_MARKUP(h, "</h1><p class=\"sub\">");
    if (handle) {
        tf_doc_text(h, "@");
        tf_doc_text(h, handle);
    }
    if (platform) {
        tf_doc_text(h, " · ");
        tf_doc_text(h, platform);
    }
    TF_DOC_MARKUP(h, "</p><dl>");
    checked_row(h, l, now);
    const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
    double followers = profile ? number_at(profile, "followers") : number_at(reach, "followers");
    if (isfinite(followers)) {
        char text[64];
        count_text(l, followers, text, sizeof text);
        definition_row(h, tf_word(l, "report_followers_count"), text);
    }
    TF_DOC_MARKUP(h, "</dl></header>\n");
    shares_section(h, l, audit);
    reach_and_engagement(h, l, audit);
    factory_section(h, l, audit);
    profile_section(h, l, profile);
    history_section(h, l, history);
    method_section(h, l, audit);
    inputs_section(h, l, inputs, n_inputs, now, options);
    TF_DOC_MARKUP(h, "</main>\n</body>\n</html>\n");
    return finished(h);
}

/* One cell of the comparison: a share as a small bar, and in words with its interval. */
static void share_cell(tf_doc *h, const tf_language *l, const char *kind, const cJSON *audit)
{
    share s = share_of(audit, kind);
    char value[64], interval[TEXT_SIZE];
    percent_text(l, s.value, value, sizeof value);
    share_value_open(h, kind, s.value);
    if (one_sided(audit)) {
        bound_text(l, kind, s, interval, sizeof interval);
        tf_doc_text(h, interval);
        TF_DOC_MARKUP(h, "</td>");
        return;
    }
    if (isfinite(s.value)) {
        TF_DOC_MARKUP(h, "<div class=\"track small\" aria-hidden=\"true\">");
        share_bar(h, kind, s.value);
        TF_DOC_MARKUP(h, "</div>");
    }
    tf_doc_text(h, value);
    if (isfinite(s.low) && isfinite(s.high)) {
        interval_text(l, s.low, s.high, interval, sizeof interval);
        TF_DOC_MARKUP(h, "<br><span class=\"ci-text\">");
        tf_doc_text(h, interval);
        TF_DOC_MARKUP(h, "</span>");
    }
    TF_DOC_MARKUP(h, "</td>");
}

/* A cell of the comparison that holds text. */
static void text_cell(tf_doc *h, const char *text)
{
    TF_DOC_MARKUP(h, "<td>");
    tf_doc_text(h, text);
    TF_DOC_MARKUP(h, "</td>");
}

/* One listed account's row of the comparison. */
static void compare_row(tf_doc *h, const tf_language *l, const cJSON *account)
{
    const cJSON *audit = cJSON_GetObjectItemCaseSensitive(account, "audit");
    const cJSON *profile = cJSON_GetObjectItemCaseSensitive(account, "profile");
    const cJSON *reach = cJSON_GetObjectItemCaseSensitive(audit, "reach");
    const cJSON *factory = cJSON_GetObjectItemCaseSensitive(audit, "factory");
    char number[64];
    TF_DOC_MARKUP(h, "<tr><th scope=\"row\">");
    tf_doc_text(h, string_at(account, "label"));
    TF_DOC_MARKUP(h, "</th>");
    double followers = number_at(profile, "followers");
    count_text(l, isfinite(followers) ? followers : number_at(reach, "followers"), number, sizeof number);
    text_cell(h, number);
    share_cell(h, l, "real", audit);
    share_cell(h, l, "inactive", audit);
    share_cell(h, l, "fake", audit);
    count_text(l, number_at(reach, "value"), number, sizeof number);
    text_cell(h, number);
    count_text(l, number_at(factory, "in_runs"), number, sizeof number);
    text_cell(h, number);
    text_cell(h, verdict_words(l, string_at(profile, "verdict")));
    TF_DOC_MARKUP(h, "</tr>\n");
}

static const char *method_of_account(const cJSON *account)
{
    return string_at(cJSON_GetObjectItemCaseSensitive(account, "audit"), "method");
}

/* Whether an account listed before this one names the same method. */
static int named_before(const cJSON *accounts, const cJSON *account, const char *method)
{
    for (const cJSON *earlier = accounts->child; earlier && earlier != account; earlier = earlier->next) {
        const char *named = method_of_account(earlier);
        if (named && strcmp(named, method) == 0)
            return 1;
    }
    return 0;
}

/* The methods of the numbers the comparison shows, each once: the paragraph of each method the extension knows that
 * an audit names, and a method it has no words for as the core named it; an audit without a number names none and
 * adds none. And the model that scored the list. */
static void compare_method_section(tf_doc *h, const tf_language *l, const cJSON *accounts)
{
    const cJSON *account;
    section_open(h, "method", tf_word(l, "report_method_h"));
    for (size_t m = 0; m < sizeof METHODS / sizeof *METHODS; m++) {
        cJSON_ArrayForEach(account, accounts) {
            if (known_method(method_of_account(account)) == &METHODS[m]) {
                paragraph(h, tf_word(l, METHODS[m].paragraph));
                break;
            }
        }
    }
    TF_DOC_MARKUP(h, "<dl>");
    cJSON_ArrayForEach(account, accounts) {
        const char *model = string_at(cJSON_GetObjectItemCaseSensitive(account, "audit"), "model");
        if (!model)
            continue;
        definition_open(h, tf_word(l, "report_model"));
        TF_DOC_MARKUP(h, "<code>");
        tf_doc_text(h, model);
        TF_DOC_MARKUP(h, "</code></dd>");
        break; /* one model scores a list: the first audit names it */
    }
    cJSON_ArrayForEach(account, accounts) {
        const char *method = method_of_account(account);
        if (method && !known_method(method) && !named_before(accounts, account, method))
            definition_row(h, tf_word(l, "report_method_core"), method);
    }
    TF_DOC_MARKUP(h, "</dl></section>\n");
}

char *tf_report_html_compare(const cJSON *accounts, const char *lang, double now)
{
    const tf_language *l = tf_language_for(lang);
    tf_doc html = {NULL, 0, 0, 0}, *h = &html;
    document_head(h, l, tf_word(l, "report_compare_title"), NULL);
    TF_DOC_MARKUP(h, "<style>@page{size:A4 landscape}main{max-width:64rem}.compare td,.compare th{border-bottom:1px solid #e5e7eb;"
                     "vertical-align:top}.track.small{height:.6rem;width:6rem;margin:.3rem 0}</style>\n");
    TF_DOC_MARKUP(h, "</head>\n<body>\n<main>\n<header><h1>");
    tf_doc_text(h, tf_word(l, "report_compare_title"));
    TF_DOC_MARKUP(h, "</h1><dl>");
    checked_row(h, l, now);
    TF_DOC_MARKUP(h, "</dl></header>\n");
    section_open(h, "accounts", tf_word(l, "report_followers_h"));
    TF_DOC_MARKUP(h, "\n<table class=\"compare\"><thead><tr>");
    static const char *const HEADS[] = {"report_account", "report_followers_count", "panel_real", "panel_inactive",
                                        "panel_fake", "report_reach_h", "report_factory_in_runs", "report_profile_verdict"};
    for (size_t i = 0; i < sizeof HEADS / sizeof *HEADS; i++) {
        TF_DOC_MARKUP(h, "<th scope=\"col\">");
        tf_doc_text(h, tf_word(l, HEADS[i]));
        TF_DOC_MARKUP(h, "</th>");
    }
    TF_DOC_MARKUP(h, "</tr></thead><tbody>\n");
    const cJSON *account;
    cJSON_ArrayForEach(account, accounts)
        compare_row(h, l, account);
    TF_DOC_MARKUP(h, "</tbody></table></section>\n");
    compare_method_section(h, l, accounts);
    TF_DOC_MARKUP(h, "</main>\n</body>\n</html>\n");
    return finished(h);
}

/* The JSON form the WebAssembly build exports (report_html.h). */
char *tf_report_html_input(const char *request_json)
{
    cJSON *request = cJSON_Parse(request_json ? request_json : "");
    const cJSON *accounts = cJSON_GetObjectItemCaseSensitive(request, "accounts");
    if (cJSON_IsArray(accounts)) {
        double when = number_at(request, "now");
        char *html = tf_report_html_compare(accounts, string_at(request, "lang"), isfinite(when) ? when : 0);
        cJSON_Delete(request);
        return html;
    }
    const cJSON *audit = cJSON_GetObjectItemCaseSensitive(request, "audit");
    if (!cJSON_IsObject(audit)) {
        cJSON_Delete(request);
        return NULL;
    }
    const cJSON *profile = cJSON_GetObjectItemCaseSensitive(request, "profile");
    const cJSON *listed = cJSON_GetObjectItemCaseSensitive(request, "inputs");
    int n_inputs = cJSON_GetArraySize(listed);
    tf_report_input *inputs = n_inputs > 0 ? calloc((size_t)n_inputs, sizeof *inputs) : NULL;
    if (n_inputs > 0 && !inputs) {
        cJSON_Delete(request);
        return NULL;
    }
    for (int i = 0; i < n_inputs; i++) {
        const cJSON *input = cJSON_GetArrayItem(listed, i);
        const char *sha256 = string_at(input, "sha256");
        double bytes = number_at(input, "bytes");
        inputs[i].name = string_at(input, "name");
        inputs[i].bytes = isfinite(bytes) && bytes >= 0 ? (size_t)bytes : 0;
        snprintf(inputs[i].sha256, sizeof inputs[i].sha256, "%s", sha256 ? sha256 : "");
    }
    double now = number_at(request, "now");
    const cJSON *history = cJSON_GetObjectItemCaseSensitive(request, "history");
    char *html = tf_report_html(audit, cJSON_IsObject(profile) ? profile : NULL, cJSON_IsArray(history) ? history : NULL,
                                inputs, n_inputs, string_at(request, "lang"), isfinite(now) ? now : 0,
                                string_at(request, "options"));
    free(inputs);
    cJSON_Delete(request);
    return html;
}
