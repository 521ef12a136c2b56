/*
 * truefollow: the command line around the core, for batch vetting and tests.
 *
 *   truefollow score [--now UNIX] [--lang L] [--url URL] [FILE...]   one JSON line per account found
 *   truefollow audit [--now UNIX] [--lang L] [--url URL] [--followers COUNT] [FILE...]
 *                                                                     the audience estimate of all accounts found
 *   truefollow count --lang L TEXT                                    the integer a count string means
 *   truefollow report [audit's options] [FILE...] > report.html       the audit as a one-file HTML vetting report
 *                                                                     in language L (report_html.h)
 *
 * --followers COUNT (audit) is the profile's follower count as its page writes it ("12,345", "1,2 Mio." with
 * --lang de), for true reach when the inputs hold the follower list but not the profile. It takes the place
 * of the count a profile's response in the inputs gives; without it, that count is used.
 *
 * --model FILE (score and audit, repeatable) scores with a model file from wasm/train in place of the
 * compiled-in model of the same name, e.g. to vet a retrained model before it ships.
 *
 * FILE "-" or none reads stdin. A bad input is reported on stderr by name; the others are still
 * processed, and the exit status is 1.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audience.h"
#include "cJSON.h"
#include "model_file.h"
#include "read.h"
#include "report.h"
#include "report_html.h"
#include "score.h"
#include "sha256.h"
#include "truefollow.h"

typedef struct cli {
    double now;
    const char *lang, *url, *followers;
    const char **files;
    int n_files;
    const char **models;
    int n_models;
} cli;

static int usage(void)
{
    fputs("usage: truefollow score [--now UNIX] [--lang L] [--url URL] [--model FILE]... [FILE...]\n"
          "       truefollow audit [--now UNIX] [--lang L] [--url URL] [--followers COUNT] [--model FILE]... [FILE...]\n"
          "       truefollow count --lang L TEXT\n"
          "       truefollow report [--now UNIX] [--lang L] [--url URL] [--followers COUNT] [--model FILE]... [FILE...]\n",
          stderr);
    return 2;
}

/* Reads a whole file ("-": stdin) into a NUL-terminated buffer; NULL with errno set on failure. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (cap - n - 1 == 0) {
            char *bigger = cap > ((size_t)TF_MAX_INPUT_BYTES + 2) ? NULL : realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                errno = EFBIG;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!buf || failed) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Reads one named input into the batch; 0 on success, else reports on stderr and returns 1. */
static int read_file(const cli *c, const char *path, tf_batch *batch)
{
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
        fprintf(stderr, "truefollow: %s: %s\n", path, strerror(errno));
        return 1;
    }
    char message[512] = "";
    tf_read_options options = {c->url, c->lang};
    size_t before = batch->n_accounts;
    tf_status status = tf_read(text, len, &options, batch, message, sizeof message);
    free(text);
    if (status != TF_OK) {
        fprintf(stderr, "truefollow: %s: %s: %s\n", path, tf_status_name(status), message);
        return 1;
    }
    if (batch->n_accounts == before)
        fprintf(stderr, "truefollow: %s: no account in this input\n", path);
    return 0;
}

static int print_json_line(cJSON *item)
{
    char *line = item ? cJSON_PrintUnformatted(item) : NULL;
    cJSON_Delete(item);
    if (!line) {
        fputs("truefollow: out of memory\n", stderr);
        return 1;
    }
    puts(line);
    free(line);
    return 0;
}

static int run_score(const cli *c)
{
    int failed = 0;
    for (int i = 0; i < c->n_files; i++) {
        tf_batch batch = {0};
        failed |= read_file(c, c->files[i], &batch);
        for (size_t k = 0; k < batch.n_accounts; k++) {
            tf_score score;
            tf_score_account(&batch.accounts[k], c->now, NULL, &score);
            failed |= print_json_line(tf_account_report(&batch.accounts[k], &score));
        }
        tf_batch_free(&batch);
    }
    return failed;
}

static int run_audit(const cli *c)
{
    double followers = NAN; /* none given: the profile's own count, if the inputs hold it */
    if (c->followers) {
        followers = tf_count(c->followers, c->lang);
        if (followers < 0) {
            fprintf(stderr, "truefollow: --followers \"%s\": %s\n", c->followers, tf_last_error());
            return 2;
        }
    }
    int failed = 0;
    tf_batch batch = {0};
    for (int i = 0; i < c->n_files; i++)
        failed |= read_file(c, c->files[i], &batch);
    failed |= print_json_line(tf_audience_report(&batch, c->now, NULL, followers));
    tf_batch_free(&batch);
    return failed;
}

/* The options besides --now that change an audit, as a command line repeats them (values with a space quoted). */
static const char *report_options(const cli *c, char *out, size_t size)
{
    const char *names[] = {"--lang", "--url", "--followers"};
    const char *values[] = {c->lang, c->url, c->followers};
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!values[i] || !*values[i] || used >= size)
            continue;
        const char *quote = strchr(values[i], ' ') ? "\"" : "";
        int n = snprintf(out + used, size - used, "%s%s %s%s%s", used ? " " : "", names[i], quote, values[i], quote);
        used += n > 0 ? (size_t)n : 0;
    }
    for (int i = 0; i < c->n_models && used < size; i++) {
        int n = snprintf(out + used, size - used, "%s--model %s", used ? " " : "", c->models[i]);
        used += n > 0 ? (size_t)n : 0;
    }
    return out;
}

/* The audit of all inputs as the HTML report (report_html.h), with each input's size and SHA-256. */
static int run_report(const cli *c)
{
    double followers = NAN;
    if (c->followers && (followers = tf_count(c->followers, c->lang)) < 0) {
        fprintf(stderr, "truefollow: --followers \"%s\": %s\n", c->followers, tf_last_error());
        return 2;
    }
    tf_report_input *inputs = calloc((size_t)c->n_files, sizeof *inputs);
    if (!inputs)
        return 1;
    char options_text[2048];
    int failed = 0;
    tf_batch batch = {0};
    for (int i = 0; i < c->n_files; i++) {
        size_t len = 0;
        char *text = read_all(c->files[i], &len);
        if (!text) {
            fprintf(stderr, "truefollow: %s: %s\n", c->files[i], strerror(errno));
            failed = 1;
            continue;
        }
        tf_sha256 hash;
        tf_sha256_init(&hash);
        tf_sha256_update(&hash, text, len);
        inputs[i].name = c->files[i];
        inputs[i].bytes = len;
        tf_sha256_hex(&hash, inputs[i].sha256);
        char message[512] = "";
        tf_read_options options = {c->url, c->lang};
        tf_status status = tf_read(text, len, &options, &batch, message, sizeof message);
        free(text);
        if (status != TF_OK) {
            fprintf(stderr, "truefollow: %s: %s: %s\n", c->files[i], tf_status_name(status), message);
            failed = 1;
        }
    }
    cJSON *profile = NULL; /* the profile's own account, as `truefollow score` reports it */
    for (size_t k = 0; k < batch.n_accounts && !profile; k++) {
        if (batch.accounts[k].seen != TF_SEEN_PROFILE)
            continue;
        tf_score score;
        tf_score_account(&batch.accounts[k], c->now, NULL, &score);
        profile = tf_account_report(&batch.accounts[k], &score);
    }
    cJSON *audit = tf_audience_report(&batch, c->now, NULL, followers);
    if (!audit) {
        fputs("truefollow: out of memory\n", stderr);
        failed = 1;
    } else {
        char *html = tf_report_html(audit, profile, NULL, inputs, c->n_files, c->lang, c->now,
                                    report_options(c, options_text, sizeof options_text));
        if (!html || fputs(html, stdout) == EOF) {
            fputs(html ? "truefollow: report: cannot write the output\n" : "truefollow: out of memory\n", stderr);
            failed = 1;
        }
        free(html);
    }
    cJSON_Delete(audit);
    cJSON_Delete(profile);
    tf_batch_free(&batch);
    free(inputs);
    return failed;
}

/* Reads the --model files and puts each in place of its shipped namesake; 0, or 2 after saying why. */
static int use_models(const cli *c, tf_tree_model **loaded)
{
    for (int i = 0; i < c->n_models; i++) {
        size_t len = 0;
        char why[256] = "";
        char *text = read_all(c->models[i], &len);
        if (!text) {
            fprintf(stderr, "truefollow: %s: %s\n", c->models[i], strerror(errno));
            return 2;
        }
        loaded[i] = tf_model_file_read(text, len, why, sizeof why);
        free(text);
        if (!loaded[i] || tf_model_replace(loaded[i], why, sizeof why) != 0) {
            fprintf(stderr, "truefollow: %s: %s\n", c->models[i], why);
            return 2;
        }
    }
    return 0;
}

static int run_count(const cli *c)
{
    if (c->n_files != 1)
        return usage();
    double value = tf_count(c->files[0], c->lang);
    if (value < 0) {
        fprintf(stderr, "truefollow: count: %s\n", tf_last_error());
        return 1;
    }
    printf("%.0f\n", value);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    cli c = {(double)time(NULL), "", "", NULL, NULL, 0, NULL, 0};
    c.files = calloc((size_t)argc, sizeof *c.files);
    c.models = calloc((size_t)argc, sizeof *c.models);
    tf_tree_model **loaded = calloc((size_t)argc, sizeof *loaded);
    if (!c.files || !c.models || !loaded)
        return 1;
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        if ((strcmp(arg, "--now") == 0 || strcmp(arg, "--lang") == 0 || strcmp(arg, "--url") == 0) && i + 1 < argc) {
            const char *value = argv[++i];
            if (arg[2] == 'n') {
                char *end;
                c.now = strtod(value, &end);
                if (*end || !isfinite(c.now)) {
                    fprintf(stderr, "truefollow: --now wants unix seconds, not \"%s\"\n", value);
                    return 2;
                }
            } else if (arg[2] == 'l') {
                c.lang = value;
            } else {
                c.url = value;
            }
        } else if (strcmp(arg, "--model") == 0 && i + 1 < argc) {
            c.models[c.n_models++] = argv[++i];
        } else if (strcmp(arg, "--followers") == 0 && i + 1 < argc) {
            c.followers = argv[++i];
        } else if (arg[0] == '-' && arg[1] == '-') {
            fprintf(stderr, "truefollow: unknown option %s\n", arg);
            return usage();
        } else {
            c.files[c.n_files++] = arg;
        }
    }
    const char *command = argv[1];
    int status;
    if (strcmp(command, "count") == 0) {
        status = run_count(&c);
    } else if (strcmp(command, "score") == 0 || strcmp(command, "audit") == 0 || strcmp(command, "report") == 0) {
        if (c.n_files == 0)
            c.files[c.n_files++] = "-";
        status = use_models(&c, loaded);
        if (status == 0)
            status = command[0] == 's' ? run_score(&c) : command[0] == 'a' ? run_audit(&c) : run_report(&c);
    } else {
        status = usage();
    }
    tf_model_restore_shipped();
    for (int i = 0; i < c.n_models; i++)
        tf_model_file_free(loaded[i]);
    free(loaded);
    free(c.models);
    free(c.files);
    return status;
}
