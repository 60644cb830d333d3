/* Versioned options structs: see options.h. */
#include <string.h>

#include "diag_internal.h"
#include "options.h"

unsigned ddbgt__options_version(const void *opts)
{
	unsigned version;

	memcpy(&version, opts, sizeof version);
	return version;
}

int ddbgt__options_read(void *out, size_t size, const void *in, const size_t *ends,
                        unsigned nversions)
{
	unsigned version = ddbgt__options_version(in);

	memset(out, 0, size);
	if (version == 0) /* an all-zero struct: the defaults, nothing more to read */
		return DDBGT_OK;
	if (version > nversions || ends[version - 1] > size)
		return DDBGT_EINVAL;
	memcpy(out, in, ends[version - 1]);
	return DDBGT_OK;
}

int ddbgt__options_read_said(void *out, size_t size, const void *in, const size_t *ends,
                             unsigned nversions, const char *what, ddbgt_diags *diags)
{
	if (ddbgt__options_read(out, size, in, ends, nversions) == DDBGT_OK)
		return DDBGT_OK;
	if (ddbgt__diag_addf(diags, DDBGT_E_OPTIONS_VERSION, "", NULL,
	                     "%s: version %u is not one this library knows (1 to %u)", what,
	                     ddbgt__options_version(in), nversions) != DDBGT_OK)
		return DDBGT_ENOMEM;
	return DDBGT_EINVAL;
}

int ddbgt__options_init(void *opts, unsigned version, const size_t *ends, unsigned nversions)
{
	if (!opts || version == 0 || version > nversions)
		return DDBGT_EINVAL;
	memset(opts, 0, ends[version - 1]);
	memcpy(opts, &version, sizeof version);
	return DDBGT_OK;
}
