/*
 * Region selection: propose the catalogue regions nearest to weighted users under
 * constraints. The algorithm and its tie-breaks are described in doc/regions.md.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddbgt/region.h"
#include "alloc.h"
#include "diag_internal.h"
#include "jsonwrite.h"
#include "region_internal.h"
#include "utf8.h"

/* rules §5: a strongly consistent global table spans exactly three regions */
#define SC_SET_MAX_REGIONS 3

struct point {
	double latitude;
	double longitude;
	double weight;
};

struct geography {
	const char *code; /* the catalogue's own string */
	double weight;
};

struct ddbgt_region_query {
	struct point *locations;
	size_t nlocations, caplocations;
	struct geography *geographies;
	size_t ngeographies, capgeographies;
	const char **jurisdictions; /* catalogue strings */
	size_t njurisdictions, capjurisdictions;
	const ddbgt_region **allowed;
	size_t nallowed, capallowed;
	size_t count;
	const char *sc_set;    /* catalogue string or NULL */
	const char *partition; /* catalogue string */
	int include_opt_in;
	int include_unverified;
	char message[256];
};

struct pick {
	const ddbgt_region *region;
	size_t order; /* catalogue order among the candidates */
	double distance_km;
	double weight;
};

struct ddbgt_region_selection {
	struct pick *picks;
	size_t count;
	double mean_distance_km;
};

static int fail(ddbgt_region_query *q, int status, const char *fmt, ...) DDBGT__PRINTF(3, 4);
static int fail(ddbgt_region_query *q, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q->message, sizeof q->message, fmt, ap);
	va_end(ap);
	/* It quotes the caller's string, maybe cut short: keep it printable as UTF-8. */
	ddbgt__utf8_scrub(q->message);
	return status;
}

#define RESERVE(q, name)                                                                \
	ddbgt__grow((void **)&(q)->name, &(q)->cap##name, (q)->n##name + 1, sizeof *(q)->name)

/* The catalogue's copy of `value` in the column `get` reads, or NULL if no region has it:
 * valid names come from the table itself, and the query keeps no strings of its own. */
static const char *catalogue_string(const char *(*get)(const ddbgt_region *), const char *value)
{
	size_t i;

	for (i = 0; i < ddbgt_region_count(); i++) {
		const char *s = get(ddbgt_region_at(i));

		if (s && strcmp(s, value) == 0)
			return s;
	}
	return NULL;
}

int ddbgt_region_query_new(ddbgt_region_query **out)
{
	ddbgt_region_query *q;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	q = ddbgt__calloc(1, sizeof *q);
	if (!q)
		return DDBGT_ENOMEM;
	q->partition = catalogue_string(ddbgt_region_partition, "aws");
	*out = q;
	return DDBGT_OK;
}

void ddbgt_region_query_free(ddbgt_region_query *q)
{
	if (!q)
		return;
	ddbgt__free(q->locations);
	ddbgt__free(q->geographies);
	ddbgt__free(q->jurisdictions);
	ddbgt__free(q->allowed);
	ddbgt__free(q);
}

static int weight_ok(double weight)
{
	return weight > 0.0 && isfinite(weight);
}

int ddbgt_region_query_add_location(ddbgt_region_query *q, double latitude, double longitude,
                                    double weight)
{
	if (!q)
		return DDBGT_EINVAL;
	/* written so that NaN fails too */
	if (!(latitude >= -90.0 && latitude <= 90.0) || !(longitude >= -180.0 && longitude <= 180.0))
		return fail(q, DDBGT_EINVAL, "location (%g, %g) is not a latitude in [-90, 90] and a "
		            "longitude in [-180, 180]", latitude, longitude);
	if (!weight_ok(weight))
		return fail(q, DDBGT_EINVAL, "weight %g is not a finite number > 0", weight);
	if (RESERVE(q, locations))
		return fail(q, DDBGT_ENOMEM, "out of memory");
	q->locations[q->nlocations++] = (struct point){latitude, longitude, weight};
	return DDBGT_OK;
}

int ddbgt_region_query_add_geography(ddbgt_region_query *q, const char *geography,
                                     double weight)
{
	const char *code;

	if (!q || !geography)
		return DDBGT_EINVAL;
	code = catalogue_string(ddbgt_region_geography, geography);
	if (!code)
		return fail(q, DDBGT_EINVAL, "no region has geography \"%s\"", geography);
	if (!weight_ok(weight))
		return fail(q, DDBGT_EINVAL, "weight %g is not a finite number > 0", weight);
	if (RESERVE(q, geographies))
		return fail(q, DDBGT_ENOMEM, "out of memory");
	q->geographies[q->ngeographies++] = (struct geography){code, weight};
	return DDBGT_OK;
}

int ddbgt_region_query_set_count(ddbgt_region_query *q, size_t count)
{
	if (!q)
		return DDBGT_EINVAL;
	if (count == 0)
		return fail(q, DDBGT_EINVAL, "the region count must be at least 1");
	q->count = count;
	return DDBGT_OK;
}

int ddbgt_region_query_add_jurisdiction(ddbgt_region_query *q, const char *jurisdiction)
{
	const char *code;

	if (!q || !jurisdiction)
		return DDBGT_EINVAL;
	code = catalogue_string(ddbgt_region_jurisdiction, jurisdiction);
	if (!code)
		code = catalogue_string(ddbgt_region_country, jurisdiction);
	if (!code)
		return fail(q, DDBGT_EINVAL, "no region lies in jurisdiction \"%s\"", jurisdiction);
	if (RESERVE(q, jurisdictions))
		return fail(q, DDBGT_ENOMEM, "out of memory");
	q->jurisdictions[q->njurisdictions++] = code;
	return DDBGT_OK;
}

int ddbgt_region_query_add_allowed_region(ddbgt_region_query *q, const char *code)
{
	const ddbgt_region *r;

	if (!q || !code)
		return DDBGT_EINVAL;
	if (!ddbgt_region_code_is_wellformed(code))
		return fail(q, DDBGT_EINVAL, "\"%s\" is not a region code", code);
	r = ddbgt_region_find(code);
	if (!r)
		return fail(q, DDBGT_ENOTFOUND, "region %s is not in the catalogue", code);
	if (RESERVE(q, allowed))
		return fail(q, DDBGT_ENOMEM, "out of memory");
	q->allowed[q->nallowed++] = r;
	return DDBGT_OK;
}

int ddbgt_region_query_set_strong_consistency_set(ddbgt_region_query *q, const char *set)
{
	const char *code = NULL;

	if (!q)
		return DDBGT_EINVAL;
	if (set) {
		code = catalogue_string(ddbgt_region_strong_consistency_set, set);
		if (!code)
			return fail(q, DDBGT_EINVAL, "\"%s\" is not a strong consistency set", set);
	}
	q->sc_set = code;
	return DDBGT_OK;
}

int ddbgt_region_query_set_partition(ddbgt_region_query *q, const char *partition)
{
	const char *code;

	if (!q || !partition)
		return DDBGT_EINVAL;
	code = catalogue_string(ddbgt_region_partition, partition);
	if (!code)
		return fail(q, DDBGT_EINVAL, "no catalogue region is in partition \"%s\"", partition);
	q->partition = code;
	return DDBGT_OK;
}

int ddbgt_region_query_set_include_opt_in(ddbgt_region_query *q, int include)
{
	if (!q)
		return DDBGT_EINVAL;
	q->include_opt_in = include != 0;
	return DDBGT_OK;
}

int ddbgt_region_query_set_include_unverified(ddbgt_region_query *q, int include)
{
	if (!q)
		return DDBGT_EINVAL;
	q->include_unverified = include != 0;
	return DDBGT_OK;
}

const char *ddbgt_region_query_message(const ddbgt_region_query *q)
{
	return q ? q->message : NULL;
}

static int is_candidate(const ddbgt_region_query *q, const ddbgt_region *r)
{
	size_t i;
	int found;

	if (strcmp(ddbgt_region_partition(r), q->partition) != 0)
		return 0;
	if (!q->include_opt_in && ddbgt_region_is_opt_in(r))
		return 0;
	if (!q->include_unverified && !ddbgt_region_is_verified(r))
		return 0;
	if (q->sc_set) {
		const char *set = ddbgt_region_strong_consistency_set(r);

		if (!set || strcmp(set, q->sc_set) != 0)
			return 0;
	}
	if (q->njurisdictions) {
		for (found = 0, i = 0; i < q->njurisdictions && !found; i++)
			found = ddbgt_region_in_jurisdiction(r, q->jurisdictions[i]);
		if (!found)
			return 0;
	}
	if (q->nallowed) {
		for (found = 0, i = 0; i < q->nallowed && !found; i++)
			found = q->allowed[i] == r;
		if (!found)
			return 0;
	}
	return 1;
}

/* Appends printf-style text at *len in buf, never past size. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...) DDBGT__PRINTF(4, 5);
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len = *len + (size_t)n < size ? *len + (size_t)n : size;
}

static int too_few_candidates(ddbgt_region_query *q, size_t ncandidates)
{
	char *m = q->message;
	size_t size = sizeof q->message, len = 0, i;

	append(m, size, &len, "%zu region%s satisf%s the constraints but %zu %s requested "
	       "(partition %s", ncandidates, ncandidates == 1 ? "" : "s",
	       ncandidates == 1 ? "ies" : "y", q->count, q->count == 1 ? "was" : "were",
	       q->partition);
	for (i = 0; i < q->njurisdictions; i++)
		append(m, size, &len, "%s%s", i ? " or " : "; jurisdiction ", q->jurisdictions[i]);
	if (q->nallowed)
		append(m, size, &len, "; %zu allowed region%s", q->nallowed,
		       q->nallowed == 1 ? "" : "s");
	if (q->sc_set)
		append(m, size, &len, "; strong consistency set %s", q->sc_set);
	if (!q->include_opt_in)
		append(m, size, &len, "; opt-in regions excluded");
	if (!q->include_unverified)
		append(m, size, &len, "; unverified regions excluded");
	append(m, size, &len, ")");
	return DDBGT_ENOTFOUND;
}

static int in_geography(const ddbgt_region_query *q, const ddbgt_region *r, const char *geography)
{
	return strcmp(ddbgt_region_geography(r), geography) == 0 &&
	       strcmp(ddbgt_region_partition(r), q->partition) == 0;
}

/* The user points: the locations, then each geography spread over its regions in the
 * query's partition. */
static int gather_points(ddbgt_region_query *q, struct point **out, size_t *npoints)
{
	size_t n = q->nlocations, g, i, k;
	struct point *pts;

	*out = NULL;
	for (g = 0; g < q->ngeographies; g++) {
		size_t m = 0;

		for (i = 0; i < ddbgt_region_count(); i++)
			m += in_geography(q, ddbgt_region_at(i), q->geographies[g].code);
		if (m == 0)
			return fail(q, DDBGT_ENOTFOUND, "partition %s has no region in geography %s "
			            "to place its users at; add their locations instead",
			            q->partition, q->geographies[g].code);
		n += m;
	}
	pts = ddbgt__malloc(n * sizeof *pts);
	if (!pts)
		return fail(q, DDBGT_ENOMEM, "out of memory");
	if (q->nlocations)
		memcpy(pts, q->locations, q->nlocations * sizeof *pts);
	k = q->nlocations;
	for (g = 0; g < q->ngeographies; g++) {
		size_t first = k;

		for (i = 0; i < ddbgt_region_count(); i++) {
			const ddbgt_region *r = ddbgt_region_at(i);

			if (in_geography(q, r, q->geographies[g].code))
				pts[k++] = (struct point){ddbgt_region_latitude(r),
				                          ddbgt_region_longitude(r), 0.0};
		}
		for (i = first; i < k; i++)
			pts[i].weight = q->geographies[g].weight / (double)(k - first);
	}
	*out = pts;
	*npoints = n;
	return DDBGT_OK;
}

/* The selection's working state; dist[u * ncand + c] is user u's distance to candidate c. */
struct work {
	const struct point *pts;
	size_t npts;
	const double *dist;
	size_t ncand;
	size_t count;
	size_t *chosen;       /* candidate index of each pick */
	unsigned char *taken; /* per candidate */
	double *nearest;      /* per user: distance to the nearest pick */
	double *second;       /* per user: distance to the second nearest pick */
	size_t *nearest_slot; /* per user: which pick is the nearest */
	double *base;         /* per user: scratch */
};

/* Costs within a relative 1e-9 count as equal, so that last-bit differences between libm
 * implementations cannot change a result; the earlier candidate then wins. */
static int clearly_less(double cost, double than)
{
	return cost < than - 1e-9 * than;
}

/* Total weighted distance if every user went to the nearer of base[u] and candidate c. */
static double cost_with(const struct work *w, const double *base, size_t c)
{
	double cost = 0.0;
	size_t u;

	for (u = 0; u < w->npts; u++) {
		double d = w->dist[u * w->ncand + c];

		cost += w->pts[u].weight * (d < base[u] ? d : base[u]);
	}
	return cost;
}

/* The best candidate not yet taken against base[], or ncand if none is left. */
static size_t best_candidate(const struct work *w, const double *base, double *cost)
{
	size_t c, best = w->ncand;

	for (c = 0; c < w->ncand; c++) {
		double k;

		if (w->taken[c])
			continue;
		k = cost_with(w, base, c);
		if (best == w->ncand || clearly_less(k, *cost)) {
			best = c;
			*cost = k;
		}
	}
	return best;
}

static void find_nearest(struct work *w)
{
	size_t u, k;

	for (u = 0; u < w->npts; u++) {
		w->nearest[u] = w->second[u] = INFINITY;
		w->nearest_slot[u] = 0;
		for (k = 0; k < w->count; k++) {
			double d = w->dist[u * w->ncand + w->chosen[k]];

			if (d < w->nearest[u]) {
				w->second[u] = w->nearest[u];
				w->nearest[u] = d;
				w->nearest_slot[u] = k;
			} else if (d < w->second[u]) {
				w->second[u] = d;
			}
		}
	}
}

/*
 * k-medoids in two phases (BUILD and SWAP of Kaufman and Rousseeuw's PAM). BUILD adds, one
 * at a time, the candidate that most lowers the total weighted distance from users to
 * their nearest pick. SWAP then replaces one pick by one unpicked candidate while that
 * lowers the total, taking the best such exchange each time: greedy alone keeps an early
 * compromise pick (one between Europe and Asia) that a later pick makes poor.
 */
static void choose(struct work *w)
{
	size_t k, u, c, round;
	double cost = INFINITY;

	for (u = 0; u < w->npts; u++)
		w->base[u] = INFINITY;
	memset(w->taken, 0, w->ncand);
	for (k = 0; k < w->count; k++) {
		c = best_candidate(w, w->base, &cost);
		w->taken[c] = 1;
		w->chosen[k] = c;
		for (u = 0; u < w->npts; u++) {
			double d = w->dist[u * w->ncand + c];

			if (d < w->base[u])
				w->base[u] = d;
		}
	}
	/* the total falls with every exchange, so no set comes back and the loop ends; the
	 * bound only caps the work on pathological inputs */
	for (round = 0; round < 1000; round++) {
		size_t best_slot = w->count, best_c = w->ncand;
		double best_cost = cost;

		find_nearest(w);
		for (k = 0; k < w->count; k++) {
			double slot_cost = INFINITY;

			for (u = 0; u < w->npts; u++)
				w->base[u] = w->nearest_slot[u] == k ? w->second[u] : w->nearest[u];
			c = best_candidate(w, w->base, &slot_cost);
			if (c < w->ncand && clearly_less(slot_cost, best_cost)) {
				best_slot = k;
				best_c = c;
				best_cost = slot_cost;
			}
		}
		if (best_slot == w->count)
			break;
		w->taken[w->chosen[best_slot]] = 0;
		w->taken[best_c] = 1;
		w->chosen[best_slot] = best_c;
		cost = best_cost;
	}
}

static int by_weight(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int select_regions(ddbgt_region_selection *sel, const struct point *pts, size_t npts,
                          double total, const ddbgt_region **cand, size_t ncand)
{
	struct work w = {pts, npts, NULL, ncand, sel->count, NULL, NULL, NULL, NULL, NULL, NULL};
	double *dist, sum = 0.0;
	size_t u, c, k;
	int rc = DDBGT_ENOMEM;

	if (npts > SIZE_MAX / sizeof(double) / (ncand + 3))
		return DDBGT_ENOMEM;
	/* one block of doubles: dist, then nearest, second and base; one of indices */
	dist = ddbgt__malloc(npts * (ncand + 3) * sizeof *dist);
	w.chosen = ddbgt__malloc((w.count + npts) * sizeof *w.chosen);
	w.taken = ddbgt__malloc(ncand);
	if (!dist || !w.chosen || !w.taken)
		goto done;
	w.dist = dist;
	w.nearest = dist + npts * ncand;
	w.second = w.nearest + npts;
	w.base = w.second + npts;
	w.nearest_slot = w.chosen + w.count;
	for (u = 0; u < npts; u++)
		for (c = 0; c < ncand; c++)
			dist[u * ncand + c] = ddbgt__great_circle_km(
				pts[u].latitude, pts[u].longitude, ddbgt_region_latitude(cand[c]),
				ddbgt_region_longitude(cand[c]));
	choose(&w);

	/* serve each user from its nearest pick, the earlier in catalogue order on a tie */
	for (k = 0; k < w.count; k++)
		sel->picks[k] = (struct pick){cand[w.chosen[k]], w.chosen[k], 0.0, 0.0};
	for (u = 0; u < npts; u++) {
		size_t serving = 0;

		for (k = 1; k < w.count; k++) {
			double d = dist[u * ncand + w.chosen[k]];
			double best = dist[u * ncand + w.chosen[serving]];

			if (d < best || (d == best && w.chosen[k] < w.chosen[serving]))
				serving = k;
		}
		sel->picks[serving].distance_km += pts[u].weight * dist[u * ncand + w.chosen[serving]];
		sel->picks[serving].weight += pts[u].weight;
	}
	for (k = 0; k < w.count; k++) {
		struct pick *p = &sel->picks[k];

		sum += p->distance_km;
		p->distance_km = p->weight > 0.0 ? p->distance_km / p->weight : 0.0;
		p->weight /= total;
	}
	sel->mean_distance_km = sum / total;
	qsort(sel->picks, w.count, sizeof *sel->picks, by_weight);
	rc = DDBGT_OK;
done:
	ddbgt__free(dist);
	ddbgt__free(w.chosen);
	ddbgt__free(w.taken);
	return rc;
}

int ddbgt_region_query_run(ddbgt_region_selection **out, ddbgt_region_query *q)
{
	const ddbgt_region **cand;
	size_t ncand = 0, npts = 0, i;
	struct point *pts = NULL;
	ddbgt_region_selection *sel = NULL;
	double total = 0.0;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!q)
		return DDBGT_EINVAL;
	if (q->nlocations == 0 && q->ngeographies == 0)
		return fail(q, DDBGT_EINVAL, "no users: add a location or a geography");
	if (q->count == 0)
		return fail(q, DDBGT_EINVAL, "no region count: set one");
	if (q->sc_set && q->count > SC_SET_MAX_REGIONS)
		return fail(q, DDBGT_ENOTFOUND, "a strongly consistent global table spans exactly "
		            "%d regions, so %zu cannot come from strong consistency set %s",
		            SC_SET_MAX_REGIONS, q->count, q->sc_set);
	cand = ddbgt__malloc(ddbgt_region_count() * sizeof *cand);
	if (!cand)
		return fail(q, DDBGT_ENOMEM, "out of memory");
	for (i = 0; i < ddbgt_region_count(); i++)
		if (is_candidate(q, ddbgt_region_at(i)))
			cand[ncand++] = ddbgt_region_at(i);
	if (ncand < q->count) {
		rc = too_few_candidates(q, ncand);
		goto done;
	}
	rc = gather_points(q, &pts, &npts);
	if (rc)
		goto done;
	for (i = 0; i < npts; i++)
		total += pts[i].weight;
	if (!isfinite(total)) {
		rc = fail(q, DDBGT_EINVAL, "the user weights add up to more than a double holds");
		goto done;
	}
	sel = ddbgt__calloc(1, sizeof *sel);
	if (sel) {
		sel->count = q->count;
		sel->picks = ddbgt__calloc(q->count, sizeof *sel->picks);
	}
	if (!sel || !sel->picks || select_regions(sel, pts, npts, total, cand, ncand)) {
		rc = fail(q, DDBGT_ENOMEM, "out of memory");
		goto done;
	}
	q->message[0] = '\0';
	*out = sel;
	sel = NULL;
	rc = DDBGT_OK;
done:
	ddbgt_region_selection_free(sel);
	ddbgt__free(pts);
	ddbgt__free(cand);
	return rc;
}

void ddbgt_region_selection_free(ddbgt_region_selection *s)
{
	if (!s)
		return;
	ddbgt__free(s->picks);
	ddbgt__free(s);
}

size_t ddbgt_region_selection_count(const ddbgt_region_selection *s)
{
	return s ? s->count : 0;
}

const ddbgt_region *ddbgt_region_selection_at(const ddbgt_region_selection *s, size_t i)
{
	return s && i < s->count ? s->picks[i].region : NULL;
}

double ddbgt_region_selection_distance_km(const ddbgt_region_selection *s, size_t i)
{
	return s && i < s->count ? s->picks[i].distance_km : -1.0;
}

double ddbgt_region_selection_weight(const ddbgt_region_selection *s, size_t i)
{
	return s && i < s->count ? s->picks[i].weight : -1.0;
}

double ddbgt_region_selection_mean_distance_km(const ddbgt_region_selection *s)
{
	return s ? s->mean_distance_km : -1.0;
}

/* JSON carries metres and a 1e-9 share: digits below those are libm noise that would make
 * the output differ between platforms. */
static double rounded(double x, double unit)
{
	return round(x / unit) * unit;
}

int ddbgt_region_selection_to_json(char **out, const ddbgt_region_selection *s)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!s)
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 0, 128 + s->count * 160);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "count");
	ddbgt__jw_int(&w, (int64_t)s->count);
	ddbgt__jw_key(&w, "mean_distance_km");
	ddbgt__jw_number(&w, rounded(s->mean_distance_km, 1e-3));
	ddbgt__jw_key(&w, "regions");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < s->count; i++) {
		const struct pick *p = &s->picks[i];

		ddbgt__jw_object_begin(&w);
		ddbgt__jw_key(&w, "code");
		ddbgt__jw_string(&w, ddbgt_region_code(p->region));
		ddbgt__jw_key(&w, "name");
		ddbgt__jw_string(&w, ddbgt_region_name(p->region));
		ddbgt__jw_key(&w, "distance_km");
		ddbgt__jw_number(&w, rounded(p->distance_km, 1e-3));
		ddbgt__jw_key(&w, "weight");
		ddbgt__jw_number(&w, rounded(p->weight, 1e-9));
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}
