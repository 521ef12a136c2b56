/*
 * Readers of the labelled data sets into rows of facts (see datasets.h).
 * cresci-2015 rows become tf_account records measured by the core's own tf_facts_from_account;
 * InstaFake and Kaggle publish measurements only (digit counts, lengths, word counts), which fill the same
 * facts directly. Fields a set does not have stay NAN.
 */
#include "datasets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h"
#include "csv.h"
#include "timefmt.h"

const char *dataset_name(dataset_id id)
{
    static const char *names[N_SETS] = {"cresci-2015 E13 (genuine)", "cresci-2015 INT (bought)",
        "cresci-2017 genuine", "cresci-2017 social spambots", "cresci-2017 traditional spambots",
        "vendor-purchased-2019 (bought)", "botwiki-2019 (self-declared)", "InstaFake", "Kaggle Instagram",
        "TikTok 2024"};
    return id < N_SETS ? names[id] : "?";
}

/* A new row of `set` on `platform`, its facts unknown (NAN); NULL when out of memory. */
static row *add_row(rowset *s, dataset_id set, tf_platform platform)
{
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 1024;
        row *bigger = realloc(s->rows, (size_t)cap * sizeof *bigger);
        if (!bigger)
            return NULL;
        s->rows = bigger;
        s->cap = cap;
    }
    row *r = &s->rows[s->n++];
    memset(r, 0, sizeof *r);
    r->set = set;
    r->platform = platform;
    tf_facts_init(&r->facts);
    for (int i = 0; i < N_ARTEFACTS; i++)
        r->artefacts[i] = NAN;
    return r;
}

void rowset_free(rowset *s)
{
    free(s->rows);
    s->rows = NULL;
    s->n = s->cap = 0;
}

static double number(const char *s)
{
    if (!s || !*s)
        return NAN;
    char *end;
    double v = strtod(s, &end);
    return *end ? NAN : v;
}

static double flag(const char *s)
{
    return s && *s && strcmp(s, "0") != 0 ? 1.0 : 0.0;
}

static double hex_colour(const char *s)
{
    return s && *s ? (double)strtol(s, NULL, 16) : NAN;
}

/* "2015-02-14 10:54:49" */
static double parse_updated(const char *s)
{
    int y, mo, d, h, mi, se;
    if (!s || sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &se) != 6)
        return NAN;
    return tf_utc_seconds(y, mo, d, h, mi, se);
}

/* cresci-2017's traditional spambots 1 write created_at as milliseconds, "1183552203000L". */
static double twitter_created(const char *s)
{
    if (s && *s >= '0' && *s <= '9') {
        char *end;
        double ms = strtod(s, &end);
        return (*end == 'L' || *end == '\0') && end != s ? ms / 1000.0 : NAN;
    }
    return tf_parse_twitter_date(s);
}

/* default_profile_image: "1" yes, "" no, "NULL" not recorded. */
static tf_flag image_flag(const char *s)
{
    if (s && strcmp(s, "NULL") == 0)
        return TF_UNKNOWN;
    return flag(s) ? TF_YES : TF_NO;
}

static double lang_code(const char *s)
{
    static const char *known[] = {"en", "it", "es", "fr", "pt", "de"};
    for (int i = 0; i < 6; i++)
        if (s && strcmp(s, known[i]) == 0)
            return i + 1;
    return s && *s ? 0 : NAN;
}

/* A CSV file being read: the whole text (the fields point into it), the cursor and the header. */
typedef struct csv_file {
    char *text;
    char *cursor;
    char *head[CSV_MAX_FIELDS];
    int nh;
} csv_file;

/* Reads the CSV at `path` and finds the `n` named columns: col[i] is the index of names[i]. On failure (the file
 * cannot be read, a column is missing) says so on stderr, frees what it read and returns -1. */
static int find_columns(csv_file *c, const char *path, const char *const names[], int n, int col[])
{
    c->text = read_text_file(path, NULL);
    if (!c->text) {
        fprintf(stderr, "train: cannot read %s\n", path);
        return -1;
    }
    c->cursor = c->text;
    c->nh = csv_next(&c->cursor, c->head);
    for (int i = 0; i < n; i++)
        if ((col[i] = csv_column(c->head, c->nh, names[i])) < 0) {
            fprintf(stderr, "train: %s has no column %s\n", path, names[i]);
            free(c->text);
            return -1;
        }
    return 0;
}

/* The published rules' inputs of a Twitter account whose facts are measured already. */
static void fill_rule_inputs(row *r, const tf_account *a, int has_location, int geo_enabled)
{
    rule_inputs *ri = &r->rules;
    ri->has_name = *a->name != '\0';
    ri->has_image = a->default_avatar == TF_NO;
    ri->has_location = has_location;
    ri->has_bio = *a->bio != '\0';
    ri->has_url = *a->url != '\0';
    ri->geo_enabled = geo_enabled;
    ri->followers = a->followers;
    ri->following = a->following;
    ri->posts = a->posts;
    ri->likes_given = a->likes_given;
    ri->listed = a->listed;
    ri->age_days = r->facts.age_days;
}

/* A cresci CSV of v1.1 user objects; `date_column` names the column holding when the counts were recorded. */
static int load_cresci(const char *path, dataset_id set, int label, const char *date_column, rowset *out)
{
    enum { C_NAME, C_SCREEN, C_STATUSES, C_FOLLOWERS, C_FRIENDS, C_FAVS, C_LISTED, C_CREATED, C_URL, C_LANG, C_TZ,
           C_LOCATION, C_DEFAULT_PROFILE, C_DEFAULT_IMAGE, C_GEO, C_BG_IMAGE, C_BG_TILE, C_LINK_COLOR, C_SIDEBAR,
           C_UTC, C_PROTECTED, C_VERIFIED, C_DESCRIPTION, C_UPDATED, N_C };
    const char *names[N_C] = {"name", "screen_name", "statuses_count", "followers_count", "friends_count",
        "favourites_count", "listed_count", "created_at", "url", "lang", "time_zone", "location", "default_profile",
        "default_profile_image", "geo_enabled", "profile_use_background_image", "profile_background_tile",
        "profile_link_color", "profile_sidebar_fill_color", "utc_offset", "protected", "verified", "description",
        date_column};
    int col[N_C], n, rc = 0;
    csv_file c;
    char *f[CSV_MAX_FIELDS];
    if (find_columns(&c, path, names, N_C, col))
        return -1;
    while ((n = csv_next(&c.cursor, f)) > 0) {
        if (n != c.nh) {
            fprintf(stderr, "train: %s: a record has %d fields, the header %d\n", path, n, c.nh);
            rc = -1;
            break;
        }
        row *r = add_row(out, set, TF_X);
        if (!r) {
            rc = -1;
            break;
        }
        r->label = label;
        double collected = parse_updated(f[col[C_UPDATED]]);
        tf_account a;
        tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
        a.handle = f[col[C_SCREEN]];
        a.name = f[col[C_NAME]];
        a.bio = f[col[C_DESCRIPTION]];
        a.url = f[col[C_URL]];
        a.followers = number(f[col[C_FOLLOWERS]]);
        a.following = number(f[col[C_FRIENDS]]);
        a.posts = number(f[col[C_STATUSES]]);
        a.likes_given = number(f[col[C_FAVS]]);
        a.listed = number(f[col[C_LISTED]]);
        a.created_at = twitter_created(f[col[C_CREATED]]);
        a.default_avatar = image_flag(f[col[C_DEFAULT_IMAGE]]);
        /* verified and protected are empty for every row: unknown, not "no" */
        a.verified = TF_UNKNOWN;
        a.is_private = TF_UNKNOWN;
        tf_facts_from_account(&a, collected, &r->facts);

        r->artefacts[ART_DEFAULT_PROFILE] = (float)flag(f[col[C_DEFAULT_PROFILE]]);
        r->artefacts[ART_BACKGROUND_IMAGE] = (float)flag(f[col[C_BG_IMAGE]]);
        r->artefacts[ART_BACKGROUND_TILE] = (float)flag(f[col[C_BG_TILE]]);
        r->artefacts[ART_LANG] = (float)lang_code(f[col[C_LANG]]);
        r->artefacts[ART_TIME_ZONE] = (float)(*f[col[C_TZ]] != '\0');
        r->artefacts[ART_UTC_OFFSET] = (float)number(f[col[C_UTC]]);
        r->artefacts[ART_LOCATION] = (float)(*f[col[C_LOCATION]] != '\0');
        r->artefacts[ART_GEO_ENABLED] = (float)flag(f[col[C_GEO]]);
        r->artefacts[ART_LINK_COLOR] = (float)hex_colour(f[col[C_LINK_COLOR]]);
        r->artefacts[ART_SIDEBAR_COLOR] = (float)hex_colour(f[col[C_SIDEBAR]]);

        fill_rule_inputs(r, &a, *f[col[C_LOCATION]] != '\0', flag(f[col[C_GEO]]) != 0);
    }
    free(c.text);
    return rc;
}

static double json_number(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static int load_instafake(const char *path, rowset *out)
{
    char *text = read_text_file(path, NULL);
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (!cJSON_IsArray(doc)) {
        fprintf(stderr, "train: cannot read %s as a JSON array\n", path);
        cJSON_Delete(doc);
        return -1;
    }
    const cJSON *o;
    cJSON_ArrayForEach(o, doc) {
        row *r = add_row(out, SET_INSTAFAKE, TF_INSTAGRAM);
        if (!r) {
            cJSON_Delete(doc);
            return -1;
        }
        r->label = json_number(o, "isFake") == 1;
        tf_facts *f = &r->facts;
        f->followers = json_number(o, "userFollowerCount");
        f->following = json_number(o, "userFollowingCount");
        f->posts = json_number(o, "userMediaCount");
        f->bio_length = json_number(o, "userBiographyLength");
        f->default_avatar = 1 - json_number(o, "userHasProfilPic");
        f->is_private = json_number(o, "userIsPrivate");
        f->handle_length = json_number(o, "usernameLength");
        f->handle_digits = json_number(o, "usernameDigitCount");
        f->handle_digit_share = f->handle_length > 0 ? f->handle_digits / f->handle_length : 0;
    }
    cJSON_Delete(doc);
    return 0;
}

static int load_kaggle(const char *path, rowset *out)
{
    enum { K_PIC, K_USER_DIGITS, K_NAME_WORDS, K_NAME_DIGITS, K_SAME, K_BIO, K_URL, K_PRIVATE, K_POSTS, K_FOLLOWERS,
           K_FOLLOWS, K_FAKE, N_K };
    static const char *names[N_K] = {"profile pic", "nums/length username", "fullname words", "nums/length fullname",
        "name==username", "description length", "external URL", "private", "#posts", "#followers", "#follows", "fake"};
    int col[N_K], rc = 0;
    csv_file c;
    char *f[CSV_MAX_FIELDS];
    if (find_columns(&c, path, names, N_K, col))
        return -1;
    while (csv_next(&c.cursor, f) == c.nh) {
        row *r = add_row(out, SET_KAGGLE, TF_INSTAGRAM);
        if (!r) {
            rc = -1;
            break;
        }
        r->label = number(f[col[K_FAKE]]) == 1;
        tf_facts *x = &r->facts;
        x->default_avatar = 1 - number(f[col[K_PIC]]);
        x->handle_digit_share = number(f[col[K_USER_DIGITS]]);
        x->name_words = number(f[col[K_NAME_WORDS]]);
        x->name_digit_share = number(f[col[K_NAME_DIGITS]]);
        x->name_is_handle = number(f[col[K_SAME]]);
        x->bio_length = number(f[col[K_BIO]]);
        x->bio_link = number(f[col[K_URL]]);
        x->is_private = number(f[col[K_PRIVATE]]);
        x->posts = number(f[col[K_POSTS]]);
        x->followers = number(f[col[K_FOLLOWERS]]);
        x->following = number(f[col[K_FOLLOWS]]);
    }
    free(c.text);
    return rc;
}

static int json_flag(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsBool(v) ? (cJSON_IsTrue(v) ? TF_YES : TF_NO) : TF_UNKNOWN;
}

static const char *json_text(const cJSON *o, const char *key)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
    return s ? s : "";
}

/* The label of `id` in a Botometer `<id>\t<bot|human>` file: 1 bot, 0 human, -1 not listed. */
static int botometer_label(const char *tsv, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = tsv; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, id, n) == 0 && p[n] == '\t')
            return strncmp(p + n + 1, "bot", 3) == 0 ? 1 : (strncmp(p + n + 1, "human", 5) == 0 ? 0 : -1);
    return -1;
}

/* A Botometer set: `<name>.tsv` labels, `<name>_tweets.json` a list of {created_at, user}. The tweet's time dates
 * the counts. An account listed twice is read once. */
static int load_botometer(const char *dir, const char *name, dataset_id set, rowset *out)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
    char *tsv = read_text_file(path, NULL);
    snprintf(path, sizeof path, "%s/%s_tweets.json", dir, name);
    char *text = tsv ? read_text_file(path, NULL) : NULL;
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (!tsv || !cJSON_IsArray(doc)) {
        fprintf(stderr, "train: cannot read the Botometer set %s/%s\n", dir, name);
        free(tsv);
        cJSON_Delete(doc);
        return -1;
    }
    int first = out->n, rc = 0;
    char seen_ids[4096][24];
    int n_seen = 0;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, doc) {
        const cJSON *u = cJSON_GetObjectItemCaseSensitive(entry, "user");
        const char *id = json_text(u, "id_str");
        int label = botometer_label(tsv, id), dup = 0;
        for (int i = 0; i < n_seen && !dup; i++)
            dup = strcmp(seen_ids[i], id) == 0;
        if (label < 0 || dup || n_seen == 4096)
            continue;
        snprintf(seen_ids[n_seen++], sizeof seen_ids[0], "%s", id);
        row *r = add_row(out, set, TF_X);
        if (!r) {
            rc = -1;
            break;
        }
        r->label = label;
        tf_account a;
        tf_account_init(&a, TF_X, TF_SEEN_PROFILE);
        a.handle = json_text(u, "screen_name");
        a.name = json_text(u, "name");
        a.bio = json_text(u, "description");
        a.url = json_text(u, "url");
        a.followers = json_number(u, "followers_count");
        a.following = json_number(u, "friends_count");
        a.posts = json_number(u, "statuses_count");
        a.likes_given = json_number(u, "favourites_count");
        a.listed = json_number(u, "listed_count");
        a.created_at = tf_parse_twitter_date(json_text(u, "created_at"));
        a.default_avatar = (tf_flag)json_flag(u, "default_profile_image");
        /* Known here, unknown in every other Twitter set: recorded only for bots, the fields would teach the
         * model that a known "not verified" or "not protected" marks a bot. Left unknown, as elsewhere. */
        a.verified = TF_UNKNOWN;
        a.is_private = TF_UNKNOWN;
        tf_facts_from_account(&a, tf_parse_twitter_date(json_text(entry, "created_at")), &r->facts);
        fill_rule_inputs(r, &a, *json_text(u, "location") != '\0', json_flag(u, "geo_enabled") == TF_YES);
    }
    free(tsv);
    cJSON_Delete(doc);
    if (!rc && out->n == first) {
        fprintf(stderr, "train: no labelled account in %s/%s\n", dir, name);
        rc = -1;
    }
    return rc;
}

/* TikTok 2024: counts, bio and verified; no creation date, avatar or private flag (NAN). "No bio yet" is TikTok's
 * placeholder for an empty bio. The nickname is not measured: many fakes keep the default "Tik Toker". */
static int load_tiktok(const char *path, rowset *out)
{
    enum { T_FOLLOWERS, T_FOLLOWING, T_DIGG, T_VIDEOS, T_BIO, T_VERIFIED, T_FAKE, N_T };
    static const char *names[N_T] = {"followerCount", "followingCount", "diggCount", "videoCount", "signature",
                                     "verified", "fake"};
    int col[N_T], rc = 0;
    csv_file c;
    char *f[CSV_MAX_FIELDS];
    if (find_columns(&c, path, names, N_T, col))
        return -1;
    while (csv_next(&c.cursor, f) == c.nh) {
        row *r = add_row(out, SET_TIKTOK, TF_TIKTOK);
        if (!r) {
            rc = -1;
            break;
        }
        r->label = strcmp(f[col[T_FAKE]], "True") == 0;
        tf_account a;
        tf_account_init(&a, TF_TIKTOK, TF_SEEN_PROFILE);
        const char *bio = f[col[T_BIO]];
        a.bio = strcmp(bio, "No bio yet") == 0 ? "" : bio;
        a.followers = number(f[col[T_FOLLOWERS]]);
        a.following = number(f[col[T_FOLLOWING]]);
        a.posts = number(f[col[T_VIDEOS]]);
        a.likes_given = number(f[col[T_DIGG]]);
        a.verified = strcmp(f[col[T_VERIFIED]], "True") == 0 ? TF_YES : TF_NO;
        tf_facts_from_account(&a, NAN, &r->facts);
    }
    free(c.text);
    return rc;
}

int datasets_load(const char *dir, rowset *out)
{
    char path[1024];
    memset(out, 0, sizeof *out);
#define PATH(p) (snprintf(path, sizeof path, "%s/%s", dir, p), path)
#define PATH2(p, q) (snprintf(path, sizeof path, "%s/%s%s", dir, p, q), path)
#define C17(file) PATH("twitter/cresci2017/" file)
    if (load_cresci(PATH("twitter/cresci2015/E13_humans.train.csv"), SET_C15_HUMANS, 0, "updated", out) ||
        load_cresci(PATH("twitter/cresci2015/INT_fake.train.csv"), SET_C15_FAKES, 1, "updated", out) ||
        load_cresci(C17("genuine_accounts.csv"), SET_C17_GENUINE, 0, "crawled_at", out))
        return -1;
    static const char *social[] = {"social_spambots_1.csv", "social_spambots_2.csv", "social_spambots_3.csv"};
    static const char *traditional[] = {"traditional_spambots_1.csv", "traditional_spambots_2.csv",
                                        "traditional_spambots_3.csv", "traditional_spambots_4.csv"};
    for (int i = 0; i < 3; i++)
        if (load_cresci(PATH2("twitter/cresci2017/", social[i]), SET_C17_SOCIAL, 1, "crawled_at", out))
            return -1;
    for (int i = 0; i < 4; i++)
        if (load_cresci(PATH2("twitter/cresci2017/", traditional[i]), SET_C17_TRADITIONAL, 1, "crawled_at", out))
            return -1;
    if (load_botometer(PATH("twitter/botometer/vendor-purchased-2019"), "vendor-purchased-2019", SET_VENDOR, out) ||
        load_botometer(PATH("twitter/botometer/botwiki-2019"), "botwiki-2019", SET_BOTWIKI, out) ||
        load_instafake(PATH("instagram/instafake/realAccountData.json"), out) ||
        load_instafake(PATH("instagram/instafake/fakeAccountData.json"), out) ||
        load_kaggle(PATH("instagram/kaggle/train.csv"), out) ||
        load_tiktok(PATH("tiktok/tiktok_accounts_2024.train.csv"), out))
        return -1;
#undef C17
#undef PATH
#undef PATH2
    return 0;
}
