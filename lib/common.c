/* Status names, version, and the names of the model's enumerations. */
#include <string.h>

#include "ddbgt/common.h"

static const struct {
	int status;
	const char *name;
	const char *text;
} statuses[] = {
	{DDBGT_OK, "DDBGT_OK", "success"},
	{DDBGT_EINVAL, "DDBGT_EINVAL", "invalid argument"},
	{DDBGT_ENOMEM, "DDBGT_ENOMEM", "out of memory"},
	{DDBGT_ENOTFOUND, "DDBGT_ENOTFOUND", "not found"},
	{DDBGT_ERANGE, "DDBGT_ERANGE", "value out of range"},
	{DDBGT_EIO, "DDBGT_EIO", "input/output error"},
	{DDBGT_ESPEC, "DDBGT_ESPEC", "the spec document has errors"},
	{DDBGT_EINVALID, "DDBGT_EINVALID", "the table has validation errors"},
	{DDBGT_EBUSY, "DDBGT_EBUSY", "the object already belongs to another object"},
	{DDBGT_EUNSUPPORTED, "DDBGT_EUNSUPPORTED", "not supported"},
};

DDBGT_API const char *ddbgt_strerror(int status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].status == status)
			return statuses[i].text;
	return "unknown status";
}

DDBGT_API const char *ddbgt_status_name(int status)
{
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].status == status)
			return statuses[i].name;
	return "DDBGT_E?";
}

DDBGT_API const char *ddbgt_version_string(void)
{
	return DDBGT_VERSION_STRING;
}

DDBGT_API unsigned ddbgt_version_number(void)
{
	return DDBGT_VERSION_NUMBER;
}

/* The spec-format spelling of every enumeration value, indexed by value. */
static const char *const billing_names[] = {NULL, "PAY_PER_REQUEST", "PROVISIONED"};
static const char *const attr_names[] = {NULL, "S", "N", "B"};
static const char *const projection_names[] = {NULL, "ALL", "KEYS_ONLY", "INCLUDE"};
static const char *const view_names[] = {NULL, "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE",
                                         "NEW_AND_OLD_IMAGES"};
static const char *const encryption_names[] = {NULL, "AWS_OWNED", "AWS_MANAGED",
                                               "CUSTOMER_MANAGED"};
static const char *const class_names[] = {NULL, "STANDARD", "STANDARD_INFREQUENT_ACCESS"};
static const char *const consistency_names[] = {NULL, "EVENTUAL", "STRONG"};
static const char *const role_names[] = {NULL, "primary", "secondary", "standby"};
static const char *const read_consistency_names[] = {NULL, "eventual", "strong",
                                                     "transactional"};
static const char *const severity_names[] = {"off", "info", "warning", "error"};
static const char *const kinesis_precision_names[] = {NULL, "MILLISECOND", "MICROSECOND"};
static const char *const insights_mode_names[] = {NULL, "ACCESSED_AND_THROTTLED_KEYS",
                                                  "THROTTLED_KEYS"};
static const char *const write_mode_names[] = {NULL, "standard", "transactional"};

#define NAMES(a) {a, sizeof a / sizeof a[0]}
static const struct {
	const char *const *names;
	size_t count;
} enums[] = {
	{NULL, 0},
	NAMES(billing_names),
	NAMES(attr_names),
	NAMES(projection_names),
	NAMES(view_names),
	NAMES(encryption_names),
	NAMES(class_names),
	NAMES(consistency_names),
	NAMES(role_names),
	NAMES(read_consistency_names),
	NAMES(severity_names),
	NAMES(kinesis_precision_names),
	NAMES(insights_mode_names),
	NAMES(write_mode_names),
};

DDBGT_API const char *ddbgt_enum_name(ddbgt_enum_kind kind, int value)
{
	if ((int)kind <= 0 || (size_t)kind >= sizeof enums / sizeof enums[0])
		return NULL;
	if (value < 0 || (size_t)value >= enums[kind].count)
		return NULL;
	return enums[kind].names[value];
}

DDBGT_API int ddbgt_enum_parse(ddbgt_enum_kind kind, const char *name, int *out)
{
	if (!name || !out || (int)kind <= 0 || (size_t)kind >= sizeof enums / sizeof enums[0])
		return DDBGT_EINVAL;
	for (size_t i = 0; i < enums[kind].count; i++) {
		if (enums[kind].names[i] && strcmp(enums[kind].names[i], name) == 0) {
			*out = (int)i;
			return DDBGT_OK;
		}
	}
	return DDBGT_ENOTFOUND;
}
