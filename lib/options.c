/* Versioned options structs: see options.h. */
#include <string.h>

#include "ddbgt/common.h"
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
	if (version == 0 || version > nversions || ends[version - 1] > size)
		return DDBGT_EINVAL;
	memcpy(out, in, ends[version - 1]);
	return DDBGT_OK;
}

int ddbgt__options_init(void *opts, unsigned version, const size_t *ends, unsigned nversions)
{
	if (!opts || version == 0 || version > nversions)
		return DDBGT_EINVAL;
	memset(opts, 0, ends[version - 1]);
	memcpy(opts, &version, sizeof version);
	return DDBGT_OK;
}
