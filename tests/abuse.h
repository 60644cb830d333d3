/*
 * The API abuse test's view of the public functions: tests/gen-abuse.awk
 * reads every DDBGT_API declaration of include/ddbgt/ at build time and
 * writes tests/abuse_table.c, one entry and one caller per function.
 */
#ifndef DDBGT_TESTS_ABUSE_H
#define DDBGT_TESTS_ABUSE_H

#include <stddef.h>

#define ABUSE_MAX_PARAMS 8

/* What a parameter is, from its declared type and name. */
enum abuse_kind {
	AK_HANDLE, /* pointer to a library object or a json_t; type names it */
	AK_OUT2,   /* T **out; type names T */
	AK_OUTV,   /* pointer to a plain value the call writes (int64_t *, double *, ...) */
	AK_STR,    /* const char * */
	AK_VOIDP,  /* void * (ddbgt_free) */
	AK_FN,     /* an allocator function */
	AK_INDEX,  /* size_t named i: a list index */
	AK_SIZE,   /* another size_t (a length) */
	AK_INT,
	AK_UINT,
	AK_I64,
	AK_DBL,
	AK_ENUM
};

enum abuse_ret { AR_VOID, AR_INT, AR_UINT, AR_SIZE, AR_DBL, AR_PTR, AR_ENUM };

/* The arguments of one call (by parameter position) and its result. */
struct abuse_call {
	void *p[ABUSE_MAX_PARAMS];
	long long i[ABUSE_MAX_PARAMS];
	size_t z[ABUSE_MAX_PARAMS];
	double d[ABUSE_MAX_PARAMS];
	long long ri;
	size_t rz;
	double rd;
	const void *rp;
};

struct abuse_fn {
	const char *name;
	const char *header;
	enum abuse_ret ret;
	int nparams;
	enum abuse_kind kind[ABUSE_MAX_PARAMS];
	const char *type[ABUSE_MAX_PARAMS]; /* the object type of AK_HANDLE and AK_OUT2 */
	int is_const[ABUSE_MAX_PARAMS];     /* AK_HANDLE: a const pointer */
	const char *pname[ABUSE_MAX_PARAMS]; /* the parameter's name ("path", "region", ...) */
	void (*call)(struct abuse_call *c);
};

extern const struct abuse_fn abuse_fns[];
extern const size_t abuse_fn_count;
/* DDBGT_API lines in the headers: the generator fails unless it read them all. */
extern const size_t abuse_declared_count;

#endif
