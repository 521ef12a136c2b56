/* Dates in and out: the platforms' date strings to unix seconds, unix seconds to ISO 8601. */
#ifndef TF_TIMEFMT_H
#define TF_TIMEFMT_H

#include <stddef.h>

/* "Sat Dec 14 04:35:55 +0000 2013" (Twitter/X); NAN when the string is not of that form. */
double tf_parse_twitter_date(const char *s);
/* "2023-04-05T06:07:08.123Z", "2023-04-05T06:07:08+02:00" or "2023-04-05"; NAN otherwise. */
double tf_parse_iso8601(const char *s);
/* Seconds since 1970 for a proleptic Gregorian UTC date and time. */
double tf_utc_seconds(int year, int month, int day, int hour, int minute, int second);
/* Writes "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL) into out. */
void tf_format_iso8601(double unix_seconds, char out[21]);

#endif
