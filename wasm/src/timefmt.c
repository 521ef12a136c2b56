/*
 * Date parsing and formatting without the C library's locale- and timezone-dependent functions, so
 * native and wasm builds give the same answer. Civil-date arithmetic after Howard Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms".
 */
#include "timefmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long)yoe + era * 400 + (*m <= 2);
}

double tf_utc_seconds(int year, int month, int day, int hour, int minute, int second)
{
    return (double)days_from_civil(year, (unsigned)month, (unsigned)day) * 86400.0 + hour * 3600.0 +
           minute * 60.0 + second;
}

static int valid(int year, int month, int day, int hour, int minute, int second)
{
    return year >= 1970 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 &&
           hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
}

/* Two digits at s, or -1. */
static int two_digits(const char *s)
{
    return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' ? (s[0] - '0') * 10 + (s[1] - '0') : -1;
}

/*
 * The exact shape X sends, "Wed Oct 10 20:19:24 +0000 2018", read by hand: every follower has one, and
 * sscanf was a tenth of the time of reading a followers list in wasm. Returns 0 when `s` has another shape
 * (sscanf, below, then decides); for this shape it reads exactly what the sscanf format reads.
 */
static int read_twitter_shape(const char *s, char mon[4], int *day, int *hour, int *minute, int *second,
                              int *offset, int *year)
{
    static const char shape[] = "AAA AAA 00 00:00:00 +0000 0000"; /* A: a letter, 0: a digit, +: a sign */
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        char c = s[i], want = shape[i];
        int ok = want == '0'   ? c >= '0' && c <= '9'
                 : want == 'A' ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                 : want == '+' ? c == '+' || c == '-'
                               : c == want;
        if (!ok)
            return 0;
    }
    if (s[sizeof shape - 1] != '\0')
        return 0;
    memcpy(mon, s + 4, 3);
    mon[3] = '\0';
    *day = two_digits(s + 8);
    *hour = two_digits(s + 11);
    *minute = two_digits(s + 14);
    *second = two_digits(s + 17);
    *offset = (s[20] == '-' ? -1 : 1) * (two_digits(s + 21) * 100 + two_digits(s + 23));
    *year = two_digits(s + 26) * 100 + two_digits(s + 28);
    return 1;
}

double tf_parse_twitter_date(const char *s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char mon[4] = {0};
    int day, hour, minute, second, year, offset, used = 0;
    int shaped = s && read_twitter_shape(s, mon, &day, &hour, &minute, &second, &offset, &year);
    if (!shaped && (!s || sscanf(s, "%*3s %3s %d %d:%d:%d %d %d%n", mon, &day, &hour, &minute, &second, &offset, &year,
                     &used) != 7 || s[used] != '\0'))
        return NAN;
    const char *at = strstr(months, mon);
    if (strlen(mon) != 3 || !at || (at - months) % 3)
        return NAN;
    int month = (int)(at - months) / 3 + 1;
    if (!valid(year, month, day, hour, minute, second) || offset < -1400 || offset > 1400)
        return NAN;
    int sign = offset < 0 ? -1 : 1, abs_offset = offset * sign;
    return tf_utc_seconds(year, month, day, hour, minute, second) - sign * (abs_offset / 100 * 3600 + abs_offset % 100 * 60);
}

double tf_parse_iso8601(const char *s)
{
    int year, month, day, hour = 0, minute = 0, second = 0, used = 0;
    if (!s || sscanf(s, "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || used != 10)
        return NAN;
    const char *rest = s + used;
    if (*rest == 'T' || *rest == ' ') {
        if (sscanf(rest + 1, "%2d:%2d:%2d%n", &hour, &minute, &second, &used) != 3 || used != 8)
            return NAN;
        rest += 1 + used;
        if (*rest == '.')
            for (rest++; *rest >= '0' && *rest <= '9'; rest++)
                ;
    }
    double offset = 0;
    if (*rest == 'Z') {
        rest++;
    } else if (*rest == '+' || *rest == '-') {
        int oh, om;
        if (sscanf(rest + 1, "%2d:%2d%n", &oh, &om, &used) != 2 || used != 5 || oh > 14 || om > 59)
            return NAN;
        offset = (*rest == '-' ? -1 : 1) * (oh * 3600.0 + om * 60.0);
        rest += 1 + used;
    }
    if (*rest != '\0' || !valid(year, month, day, hour, minute, second))
        return NAN;
    return tf_utc_seconds(year, month, day, hour, minute, second) - offset;
}

void tf_format_iso8601(double unix_seconds, char out[21])
{
    double days = floor(unix_seconds / 86400.0);
    unsigned secs = (unsigned)(unix_seconds - days * 86400.0) % 86400u;
    long y;
    unsigned m, d;
    civil_from_days((long)days, &y, &m, &d);
    snprintf(out, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ", (unsigned)(y % 10000 + 10000) % 10000, m % 13, d % 32,
             secs / 3600, secs / 60 % 60, secs % 60);
}
