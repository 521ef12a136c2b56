/*
 * YouTube (docs/platforms.md, "YouTube"): ytInitialData, embedded in the page (`var ytInitialData = {...}`)
 * or fetched from /youtubei/v1/browse and /next (the same object), and /youtubei/v1/player's videoDetails.
 * - Channel header, current: header.pageHeaderRenderer.content.pageHeaderViewModel (title with a
 *   CHECK_CIRCLE_FILLED attachment when verified, the @handle row, the counts row ["25m subscribers",
 *   "337 videos"], description, avatar, attribution link); older: header.c4TabbedHeaderRenderer
 *   (subscriberCountText, which sometimes holds the handle instead, videosCountText, badges).
 * - metadata.channelMetadataRenderer: the channel id and the full description.
 * - Videos anywhere in the response (videoRenderer, gridVideoRenderer): viewCountText -> a post's views.
 * - Watch pages: the owner (videoSecondaryInfoRenderer.owner.videoOwnerRenderer) and the video's views,
 *   exact from ytInitialPlayerResponse.videoDetails.viewCount when the page has it.
 * Counts are printed in the page's language ("25m subscribers" in en-GB, "25 Mio. Abonnenten" in de):
 * the language comes from the options, else the hl= of the request or of the response's own links,
 * else the page's <html lang>. No join date in any header; relative dates ("10 days ago") are not read.
 */
#include <stdio.h>
#include <string.h>

#include "adapter.h"
#include "count.h"
#include "html_text.h"
#include "json_get.h"
#include "timefmt.h"

#ifndef TF_YOUTUBE_MAX_DEPTH
#define TF_YOUTUBE_MAX_DEPTH 40 /* videos nest about 15 levels deep */
#endif

typedef struct youtube_page {
    char lang[24];
    const char *channel_id;
    size_t first_account, first_post;
} youtube_page;

/* The text of a YouTube text object: simpleText, content, or its runs joined (into buf). */
static const char *yt_text(const cJSON *node, char *buf, size_t size)
{
    const char *simple = tf_str(tf_get(node, "simpleText"));
    if (!simple)
        simple = tf_str(tf_get(node, "content"));
    if (simple)
        return simple;
    const cJSON *runs = tf_get(node, "runs");
    if (!cJSON_IsArray(runs))
        return NULL;
    size_t n = 0;
    buf[0] = '\0';
    const cJSON *run;
    cJSON_ArrayForEach(run, runs)
    {
        const char *t = tf_str(tf_get(run, "text"));
        if (t)
            n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s", t);
    }
    return n < size ? buf : NULL;
}

static double yt_count(const char *text, const char *lang)
{
    double v;
    char why[160];
    if (!text || *text == '@' || tf_parse_count(text, lang, &v, why, sizeof why))
        return NAN;
    return v;
}

/* hl=xx-YY in a URL (also URL-encoded as hl%3D), into buf. */
static int lang_from_url(const char *url, char *buf, size_t size)
{
    const char *p = url ? strstr(url, "hl=") : NULL;
    size_t skip = 3;
    if (!p && url && (p = strstr(url, "hl%3D")) != NULL)
        skip = 5;
    if (!p)
        return 0;
    p += skip;
    size_t n = 0;
    while (n + 1 < size && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-' || *p == '_'))
        buf[n++] = *p++;
    buf[n] = '\0';
    return n > 0;
}

/* The response's own links carry the interface language (the top bar's sign-in button). */
static void lang_from_response(const cJSON *doc, char *buf, size_t size)
{
    const cJSON *button;
    cJSON_ArrayForEach(button, tf_get(doc, "topbar", "desktopTopbarRenderer", "topbarButtons"))
    {
        const char *url = tf_str(tf_get(button, "buttonRenderer", "navigationEndpoint", "commandMetadata",
                                         "webCommandMetadata", "url"));
        if (lang_from_url(url, buf, size))
            return;
    }
}

static const char *last_source_url(const cJSON *sources)
{
    int n = cJSON_GetArraySize(sources);
    return n > 0 ? tf_str(tf_get(tf_at(sources, n - 1), "url")) : NULL;
}

static int has_check_circle(const cJSON *runs)
{
    const cJSON *run;
    cJSON_ArrayForEach(run, runs)
    {
        const cJSON *source;
        cJSON_ArrayForEach(source, tf_get(run, "element", "type", "imageType", "image", "sources"))
        {
            const char *name = tf_str(tf_get(source, "clientResource", "imageName"));
            if (name && strcmp(name, "CHECK_CIRCLE_FILLED") == 0)
                return 1;
        }
    }
    return 0;
}

static int contains_word(const char *text, const char *word)
{
    return text && strstr(text, word) != NULL;
}

/* pageHeaderViewModel's metadata rows: the @handle, then the counts in order (subscribers, videos). */
static void read_metadata_rows(const cJSON *rows, const char *lang, tf_account *a)
{
    const char *counts[4] = {NULL, NULL, NULL, NULL};
    int n_counts = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, rows)
    {
        const cJSON *part;
        cJSON_ArrayForEach(part, tf_get(row, "metadataParts"))
        {
            const char *text = tf_str(tf_get(part, "text", "content"));
            if (!text)
                continue;
            if (text[0] == '@' && !a->handle)
                a->handle = text + 1;
            else if (!isnan(yt_count(text, lang)) && n_counts < 4)
                counts[n_counts++] = text;
        }
    }
    if (n_counts >= 2) {
        a->followers = yt_count(counts[0], lang);
        a->posts = yt_count(counts[1], lang);
    } else if (n_counts == 1) {
        /* One count alone is named only when its English word says which it is: never guess. */
        if (contains_word(counts[0], "subscriber"))
            a->followers = yt_count(counts[0], lang);
        else if (contains_word(counts[0], "video"))
            a->posts = yt_count(counts[0], lang);
    }
}

static void read_page_header(const cJSON *h, const char *lang, tf_account *a)
{
    const cJSON *title = tf_get(h, "title", "dynamicTextViewModel", "text");
    a->name = tf_str(tf_get(title, "content"));
    a->verified = has_check_circle(tf_get(title, "attachmentRuns")) ? TF_YES : TF_NO;
    a->avatar_url = last_source_url(tf_get(h, "image", "decoratedAvatarViewModel", "avatar", "avatarViewModel", "image", "sources"));
    a->bio = tf_str(tf_get(h, "description", "descriptionPreviewViewModel", "description", "content"));
    a->url = tf_str(tf_get(h, "attribution", "attributionViewModel", "text", "content"));
    if (!a->url)
        a->url = "";
    read_metadata_rows(tf_get(h, "metadata", "contentMetadataViewModel", "metadataRows"), lang, a);
}

static void read_c4_header(const cJSON *h, const char *lang, tf_account *a)
{
    char buf[256];
    a->id = tf_str(tf_get(h, "channelId"));
    a->name = tf_str(tf_get(h, "title"));
    const char *handle = tf_str(tf_get(tf_at(tf_get(h, "channelHandleText", "runs"), 0), "text"));
    const char *base = tf_str(tf_get(h, "navigationEndpoint", "browseEndpoint", "canonicalBaseUrl"));
    const char *count_text = tf_str(tf_get(h, "subscriberCountText", "simpleText"));
    if (base && strncmp(base, "/@", 2) == 0)
        a->handle = base + 2;
    else if (handle && handle[0] == '@')
        a->handle = handle + 1;
    else if (count_text && count_text[0] == '@')
        a->handle = count_text + 1;
    a->avatar_url = last_source_url(tf_get(h, "avatar", "thumbnails"));
    a->verified = TF_NO;
    const cJSON *badge;
    cJSON_ArrayForEach(badge, tf_get(h, "badges"))
    {
        const char *style = tf_str(tf_get(badge, "metadataBadgeRenderer", "style"));
        if (style && strstr(style, "VERIFIED"))
            a->verified = TF_YES;
    }
    /* subscriberCountText sometimes holds the @handle instead of a count: yt_count refuses it. */
    a->followers = yt_count(yt_text(tf_get(h, "subscriberCountText"), buf, sizeof buf), lang);
    a->posts = yt_count(yt_text(tf_get(h, "videosCountText"), buf, sizeof buf), lang);
}

/* Every videoRenderer / gridVideoRenderer in the tree: a post with its views. */
static int collect_videos(const cJSON *node, int depth, const youtube_page *page, tf_batch *out)
{
    if (depth > TF_YOUTUBE_MAX_DEPTH)
        return 0;
    const cJSON *child;
    cJSON_ArrayForEach(child, node)
    {
        if (child->string && (strcmp(child->string, "videoRenderer") == 0 || strcmp(child->string, "gridVideoRenderer") == 0)) {
            char buf[256];
            tf_post *p = tf_batch_add_post(out);
            if (!p)
                return -1;
            tf_post_init(p, TF_YOUTUBE);
            p->id = tf_str(tf_get(child, "videoId"));
            p->author_id = page->channel_id;
            p->views = yt_count(yt_text(tf_get(child, "viewCountText"), buf, sizeof buf), page->lang);
            if (isnan(p->views))
                p->views = yt_count(yt_text(tf_get(child, "shortViewCountText"), buf, sizeof buf), page->lang);
        } else if ((cJSON_IsObject(child) || cJSON_IsArray(child)) && collect_videos(child, depth + 1, page, out)) {
            return -1;
        }
    }
    return 0;
}

/* A watch page's owner and video. `player` is ytInitialPlayerResponse when the page has it. */
static tf_read_result read_watch(const cJSON *doc, const cJSON *player, youtube_page *page, tf_batch *out)
{
    const cJSON *primary = NULL, *owner = NULL, *item;
    cJSON_ArrayForEach(item, tf_get(doc, "contents", "twoColumnWatchNextResults", "results", "results", "contents"))
    {
        if (tf_get(item, "videoPrimaryInfoRenderer"))
            primary = tf_get(item, "videoPrimaryInfoRenderer");
        if (tf_get(item, "videoSecondaryInfoRenderer", "owner", "videoOwnerRenderer"))
            owner = tf_get(item, "videoSecondaryInfoRenderer", "owner", "videoOwnerRenderer");
    }
    char buf[256];
    if (owner) {
        tf_account *a = tf_batch_add_account(out);
        if (!a)
            return TF_READ_NO_MEMORY;
        tf_account_init(a, TF_YOUTUBE, TF_SEEN_POST_AUTHOR);
        a->name = tf_str(tf_get(tf_at(tf_get(tf_get(owner, "title"), "runs"), 0), "text"));
        a->id = tf_str(tf_get(owner, "navigationEndpoint", "browseEndpoint", "browseId"));
        const char *base = tf_str(tf_get(owner, "navigationEndpoint", "browseEndpoint", "canonicalBaseUrl"));
        a->handle = base && strncmp(base, "/@", 2) == 0 ? base + 2 : NULL;
        if (!a->handle)
            a->handle = a->id;
        a->avatar_url = last_source_url(tf_get(owner, "thumbnail", "thumbnails"));
        a->verified = TF_NO;
        const cJSON *badge;
        cJSON_ArrayForEach(badge, tf_get(owner, "badges"))
        {
            const char *style = tf_str(tf_get(badge, "metadataBadgeRenderer", "style"));
            if (style && strstr(style, "VERIFIED"))
                a->verified = TF_YES;
        }
        a->followers = yt_count(yt_text(tf_get(owner, "subscriberCountText"), buf, sizeof buf), page->lang);
        page->channel_id = a->id;
        if (!a->handle)
            out->n_accounts--;
    }
    const cJSON *details = tf_get(player, "videoDetails");
    if (primary || details) {
        tf_post *p = tf_batch_add_post(out);
        if (!p)
            return TF_READ_NO_MEMORY;
        tf_post_init(p, TF_YOUTUBE);
        p->id = tf_str(tf_get(details, "videoId"));
        if (!p->id)
            p->id = tf_str(tf_get(doc, "currentVideoEndpoint", "watchEndpoint", "videoId"));
        p->author_id = tf_str(tf_get(details, "channelId"));
        if (!p->author_id)
            p->author_id = page->channel_id;
        p->views = tf_count_value(tf_get(details, "viewCount"));
        if (isnan(p->views))
            p->views = yt_count(yt_text(tf_get(primary, "viewCount", "videoViewCountRenderer", "viewCount"), buf, sizeof buf), page->lang);
        p->created_at = tf_parse_iso8601(tf_str(tf_get(player, "microformat", "playerMicroformatRenderer", "publishDate")));
        for (size_t i = page->first_account; i < out->n_accounts; i++)
            if (!isnan(p->created_at) && !(out->accounts[i].last_post_at >= p->created_at))
                out->accounts[i].last_post_at = p->created_at;
    }
    return TF_READ_OK;
}

static tf_read_result read_initial_data(const cJSON *doc, const cJSON *player, youtube_page *page, tf_batch *out,
                                        char *why, size_t why_size)
{
    if (!page->lang[0])
        lang_from_response(doc, page->lang, sizeof page->lang);
    page->first_account = out->n_accounts;
    page->first_post = out->n_posts;
    if (tf_get(doc, "contents", "twoColumnWatchNextResults")) {
        tf_read_result r = read_watch(doc, player, page, out);
        if (r == TF_READ_OK && out->n_accounts == page->first_account) {
            snprintf(why, why_size, "YouTube watch page without videoSecondaryInfoRenderer.owner.videoOwnerRenderer");
            return TF_READ_UNSUPPORTED;
        }
        return r;
    }
    const cJSON *modern = tf_get(doc, "header", "pageHeaderRenderer", "content", "pageHeaderViewModel");
    const cJSON *c4 = tf_get(doc, "header", "c4TabbedHeaderRenderer");
    const cJSON *meta = tf_get(doc, "metadata", "channelMetadataRenderer");
    if (!modern && !c4) {
        if (player && tf_get(player, "videoDetails"))
            return read_watch(doc, player, page, out);
        snprintf(why, why_size, "YouTube response without a channel header (pageHeaderViewModel or c4TabbedHeaderRenderer) or a watch page");
        return TF_READ_UNSUPPORTED;
    }
    tf_account *a = tf_batch_add_account(out);
    if (!a)
        return TF_READ_NO_MEMORY;
    tf_account_init(a, TF_YOUTUBE, TF_SEEN_PROFILE);
    if (modern)
        read_page_header(modern, page->lang, a);
    else
        read_c4_header(c4, page->lang, a);
    if (!a->id)
        a->id = tf_str(tf_get(meta, "externalId"));
    const char *full_bio = tf_str(tf_get(meta, "description"));
    if (full_bio)
        a->bio = full_bio;
    if (!a->name)
        a->name = tf_str(tf_get(meta, "title"));
    if (!a->handle) {
        const char *vanity = tf_str(tf_get(meta, "vanityChannelUrl"));
        const char *at = vanity ? strstr(vanity, "/@") : NULL;
        a->handle = at ? at + 2 : a->id;
    }
    if (!a->handle) {
        out->n_accounts--;
        snprintf(why, why_size, "YouTube channel header without a handle or channel id");
        return TF_READ_UNSUPPORTED;
    }
    page->channel_id = a->id;
    return collect_videos(doc, 0, page, out) ? TF_READ_NO_MEMORY : TF_READ_OK;
}

tf_read_result tf_read_youtube_json(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    const cJSON *doc = in->json;
    /* yt-navigate-finish hands over {response: {...}}; /player answers with videoDetails alone. */
    if (!tf_get(doc, "responseContext") && tf_get(doc, "response", "responseContext"))
        doc = tf_get(doc, "response");
    if (!tf_get(doc, "responseContext"))
        return TF_READ_NOT_MINE;
    youtube_page page;
    memset(&page, 0, sizeof page);
    snprintf(page.lang, sizeof page.lang, "%s", in->lang);
    if (!page.lang[0])
        lang_from_url(in->url, page.lang, sizeof page.lang);
    if (tf_get(doc, "videoDetails") && !tf_get(doc, "contents"))
        return read_watch(doc, doc, &page, out);
    return read_initial_data(doc, NULL, &page, out, why, why_size);
}

tf_read_result tf_read_youtube_html(const tf_input *in, tf_batch *out, char *why, size_t why_size)
{
    size_t len = 0;
    const char *text = tf_html_object_after(in->text, "ytInitialData", &len);
    if (!text)
        return TF_READ_NOT_MINE;
    int no_memory = 0;
    const cJSON *doc = tf_html_parse_kept(out, text, len, &no_memory);
    if (no_memory)
        return TF_READ_NO_MEMORY;
    if (!doc) {
        snprintf(why, why_size, "YouTube page whose ytInitialData is not valid JSON");
        return TF_READ_UNSUPPORTED;
    }
    const cJSON *player = NULL;
    const char *player_text = tf_html_object_after(in->text, "ytInitialPlayerResponse", &len);
    if (player_text && !(player = tf_html_parse_kept(out, player_text, len, &no_memory)) && no_memory)
        return TF_READ_NO_MEMORY;
    youtube_page page;
    memset(&page, 0, sizeof page);
    snprintf(page.lang, sizeof page.lang, "%s", in->lang);
    if (!page.lang[0])
        lang_from_url(in->url, page.lang, sizeof page.lang);
    if (!page.lang[0])
        tf_html_lang(in->text, page.lang, sizeof page.lang);
    return read_initial_data(doc, player, &page, out, why, why_size);
}
