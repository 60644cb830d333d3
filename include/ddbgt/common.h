/*
 * libddbgt: common definitions shared by every public header.
 *
 * Status codes, the export macro, version, allocator hooks, the enumerations
 * of the table model and their names.
 *
 * Names of accessors. A getter is ddbgt_<object>_<field>(obj), named for
 * the field it reads, never for the type of its value. A getter that takes
 * an index i (0 to the matching _count() - 1; out of range it returns NULL
 * for a string or handle, and 0 or the -1 its comment names for a number)
 * has one of two forms:
 *  - ddbgt_<object>_<x>_at(obj, i): the i-th x, an element of a list
 *    (ddbgt_table_replica_at, ddbgt_policy_jurisdiction_at) or x of the i-th
 *    member of a list whose members have no name of their own
 *    (ddbgt_routing_role_at);
 *  - ddbgt_<list>_<field>(obj, i): a field of the i-th entry of a named list
 *    (ddbgt_diags_path, ddbgt_cost_line_amount_nanos, ddbgt_table_tag_value).
 * All getters of one list take the same form. "_at" means "takes an index"
 * and nothing else, and no other suffix stands in for a field's name.
 *
 * Lifetimes. A string or handle that a getter returns belongs to the object
 * it came from, and stays valid until one of these:
 *  - that object is freed, or the object that owns it: a table owns its
 *    replicas, indexes, policy and usage profile, and frees them with itself;
 *  - a setter replaces that value (ddbgt_table_set_name frees the old name,
 *    ddbgt_table_set_tag the old value of the key, ddbgt_table_set_policy and
 *    ddbgt_table_set_usage the table's previous policy and usage handles) or
 *    a remover removes it (ddbgt_table_remove_replica frees the replica,
 *    ddbgt_diags_clear every finding's strings).
 * Adding to or removing from a list may renumber it, so an index is only
 * good until the list changes; the strings and handles of the other entries
 * stay valid. Strings of the catalogues (regions, enumeration and status
 * names, diagnostic codes, templates, price items) are static and live as
 * long as the process. Setters copy the strings they are given, so the
 * caller may free or reuse them at once. A replica or index added to a
 * table belongs to the table from then on and must not be freed by the
 * caller. What the caller owns comes only through the ** out pointer of a
 * function that creates it: a handle (ddbgt_table_new, ddbgt_table_copy,
 * ddbgt_spec_load_file, ddbgt_cost_estimate and the like), freed with its
 * type's _free, or a char ** string, freed with ddbgt_free.
 */
#ifndef DDBGT_COMMON_H
#define DDBGT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) && __GNUC__ >= 4
#  define DDBGT_API __attribute__((visibility("default")))
#else
#  define DDBGT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define DDBGT_VERSION_MAJOR 0
#define DDBGT_VERSION_MINOR 1
#define DDBGT_VERSION_PATCH 0
#define DDBGT_VERSION_STRING "0.1.0"
/* One number that grows with every release: 0xMMmmpp. */
#define DDBGT_VERSION_NUMBER \
	((DDBGT_VERSION_MAJOR << 16) | (DDBGT_VERSION_MINOR << 8) | DDBGT_VERSION_PATCH)

/*
 * Status codes returned by every function that returns int. 0 is success.
 * Append-only: a value once released keeps its meaning forever.
 */
typedef enum ddbgt_status {
	DDBGT_OK = 0,
	DDBGT_EINVAL = -1,      /* a NULL or malformed argument */
	DDBGT_ENOMEM = -2,      /* an allocation failed; nothing was changed */
	DDBGT_ENOTFOUND = -3,   /* no such element, or an optional value is absent */
	DDBGT_ERANGE = -4,      /* a number or index outside what the call accepts */
	DDBGT_EIO = -5,         /* a file could not be read or written */
	DDBGT_ESPEC = -6,       /* the spec document has errors (see the diagnostics) */
	DDBGT_EINVALID = -7,    /* the model has validation errors (see the diagnostics) */
	DDBGT_EBUSY = -8,       /* the object already belongs to another object */
	DDBGT_EUNSUPPORTED = -9 /* the request cannot be expressed or is not available */
} ddbgt_status;

/* A short English sentence for a status code; never NULL. */
DDBGT_API const char *ddbgt_strerror(int status);
/* The enum name of a status code ("DDBGT_ENOMEM"); "DDBGT_E?" when unknown. */
DDBGT_API const char *ddbgt_status_name(int status);

/* The library's version at run time, e.g. "0.1.0". */
DDBGT_API const char *ddbgt_version_string(void);
/* DDBGT_VERSION_NUMBER of the library at run time. */
DDBGT_API unsigned ddbgt_version_number(void);

typedef void *(*ddbgt_malloc_fn)(size_t size);
typedef void *(*ddbgt_realloc_fn)(void *ptr, size_t size);
typedef void (*ddbgt_free_fn)(void *ptr);

/*
 * Replace the allocator used for every allocation of the library. Call it
 * once, before any other call of libddbgt; it is the only global state. All
 * three functions are required. Returns DDBGT_EINVAL if one is NULL.
 *
 * jansson's allocator stays the host program's (json_set_alloc_funcs is
 * process-wide, so a library must not change it): the one call that creates
 * jansson values, ddbgt_spec_dump_json, makes them with jansson's own
 * allocator, since the caller releases them with json_decref.
 */
DDBGT_API int ddbgt_set_alloc_funcs(ddbgt_malloc_fn malloc_fn,
                                    ddbgt_realloc_fn realloc_fn,
                                    ddbgt_free_fn free_fn);
/* The allocator in use; any out pointer may be NULL. */
DDBGT_API void ddbgt_get_alloc_funcs(ddbgt_malloc_fn *malloc_fn,
                                     ddbgt_realloc_fn *realloc_fn,
                                     ddbgt_free_fn *free_fn);
/* Free memory that a libddbgt function documents as the caller's. NULL is a no-op. */
DDBGT_API void ddbgt_free(void *ptr);

/*
 * Enumerations of the model. 0 is always "not set", which for an inheriting
 * setting (a replica's table class) means "take the table's value".
 * Append-only, like the status codes.
 */
typedef enum ddbgt_billing_mode {
	DDBGT_BILLING_UNSET = 0,
	DDBGT_BILLING_PAY_PER_REQUEST = 1,
	DDBGT_BILLING_PROVISIONED = 2
} ddbgt_billing_mode;

typedef enum ddbgt_attr_type {
	DDBGT_ATTR_UNSET = 0,
	DDBGT_ATTR_S = 1,
	DDBGT_ATTR_N = 2,
	DDBGT_ATTR_B = 3
} ddbgt_attr_type;

typedef enum ddbgt_projection {
	DDBGT_PROJECTION_UNSET = 0,
	DDBGT_PROJECTION_ALL = 1,
	DDBGT_PROJECTION_KEYS_ONLY = 2,
	DDBGT_PROJECTION_INCLUDE = 3
} ddbgt_projection;

typedef enum ddbgt_stream_view {
	DDBGT_STREAM_VIEW_UNSET = 0,
	DDBGT_STREAM_VIEW_KEYS_ONLY = 1,
	DDBGT_STREAM_VIEW_NEW_IMAGE = 2,
	DDBGT_STREAM_VIEW_OLD_IMAGE = 3,
	DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES = 4
} ddbgt_stream_view;

typedef enum ddbgt_encryption {
	DDBGT_ENCRYPTION_UNSET = 0,
	DDBGT_ENCRYPTION_AWS_OWNED = 1,
	DDBGT_ENCRYPTION_AWS_MANAGED = 2,
	DDBGT_ENCRYPTION_CUSTOMER_MANAGED = 3
} ddbgt_encryption;

typedef enum ddbgt_table_class {
	DDBGT_TABLE_CLASS_UNSET = 0,
	DDBGT_TABLE_CLASS_STANDARD = 1,
	DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS = 2
} ddbgt_table_class;

typedef enum ddbgt_consistency {
	DDBGT_CONSISTENCY_UNSET = 0,
	DDBGT_CONSISTENCY_EVENTUAL = 1,
	DDBGT_CONSISTENCY_STRONG = 2
} ddbgt_consistency;

typedef enum ddbgt_role {
	DDBGT_ROLE_UNSET = 0,
	DDBGT_ROLE_PRIMARY = 1,
	DDBGT_ROLE_SECONDARY = 2,
	DDBGT_ROLE_STANDBY = 3
} ddbgt_role;

typedef enum ddbgt_read_consistency {
	DDBGT_READ_CONSISTENCY_UNSET = 0,
	DDBGT_READ_CONSISTENCY_EVENTUAL = 1,
	DDBGT_READ_CONSISTENCY_STRONG = 2,
	DDBGT_READ_CONSISTENCY_TRANSACTIONAL = 3
} ddbgt_read_consistency;

/* The timestamp precision of a replica's Kinesis data stream records. */
typedef enum ddbgt_kinesis_precision {
	DDBGT_KINESIS_PRECISION_UNSET = 0,
	DDBGT_KINESIS_PRECISION_MILLISECOND = 1,
	DDBGT_KINESIS_PRECISION_MICROSECOND = 2
} ddbgt_kinesis_precision;

/* What CloudWatch Contributor Insights records for a replica. */
typedef enum ddbgt_insights_mode {
	DDBGT_INSIGHTS_MODE_UNSET = 0,
	DDBGT_INSIGHTS_MODE_ACCESSED_AND_THROTTLED_KEYS = 1,
	DDBGT_INSIGHTS_MODE_THROTTLED_KEYS = 2
} ddbgt_insights_mode;

/* How the usage profile's writes are made (transactional writes cost twice the units). */
typedef enum ddbgt_write_mode {
	DDBGT_WRITE_MODE_UNSET = 0,
	DDBGT_WRITE_MODE_STANDARD = 1,
	DDBGT_WRITE_MODE_TRANSACTIONAL = 2
} ddbgt_write_mode;

typedef enum ddbgt_severity {
	DDBGT_SEVERITY_OFF = 0,
	DDBGT_SEVERITY_INFO = 1,
	DDBGT_SEVERITY_WARNING = 2,
	DDBGT_SEVERITY_ERROR = 3
} ddbgt_severity;

/* Selects the read or the write side of a capacity or traffic setting. */
typedef enum ddbgt_rw {
	DDBGT_READ = 0,
	DDBGT_WRITE = 1
} ddbgt_rw;

/* A tri-state flag for settings a replica may inherit from its table. */
#define DDBGT_INHERIT (-1)

/* Names the enumeration that ddbgt_enum_name() and ddbgt_enum_parse() read. */
typedef enum ddbgt_enum_kind {
	DDBGT_ENUM_BILLING_MODE = 1,
	DDBGT_ENUM_ATTR_TYPE = 2,
	DDBGT_ENUM_PROJECTION = 3,
	DDBGT_ENUM_STREAM_VIEW = 4,
	DDBGT_ENUM_ENCRYPTION = 5,
	DDBGT_ENUM_TABLE_CLASS = 6,
	DDBGT_ENUM_CONSISTENCY = 7,
	DDBGT_ENUM_ROLE = 8,
	DDBGT_ENUM_READ_CONSISTENCY = 9,
	DDBGT_ENUM_SEVERITY = 10,
	DDBGT_ENUM_KINESIS_PRECISION = 11,
	DDBGT_ENUM_INSIGHTS_MODE = 12,
	DDBGT_ENUM_WRITE_MODE = 13
} ddbgt_enum_kind;

/*
 * The spec-format string of an enumeration value ("PAY_PER_REQUEST",
 * "primary", "warning"); NULL for an unknown kind or value, or for UNSET.
 */
DDBGT_API const char *ddbgt_enum_name(ddbgt_enum_kind kind, int value);
/*
 * Parse the spec-format string of an enumeration value into *out.
 * DDBGT_EINVAL for NULL arguments, DDBGT_ENOTFOUND for an unknown string.
 */
DDBGT_API int ddbgt_enum_parse(ddbgt_enum_kind kind, const char *name, int *out);

#ifdef __cplusplus
}
#endif

#endif
