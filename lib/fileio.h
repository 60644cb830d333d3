/*
 * Internal: the library's one file reader and one file writer, shared by the
 * spec loader and dumper, the price loader and the emitter.
 */
#ifndef DDBGT_LIB_FILEIO_H
#define DDBGT_LIB_FILEIO_H

#include <stddef.h>

/*
 * The whole file at path, NUL-terminated (len does not count the NUL), in
 * memory the caller frees with ddbgt__free. Returns 0, DDBGT_ENOMEM, or
 * DDBGT_EIO with *err set to the errno that explains it.
 */
int ddbgt__file_read(char **out, size_t *len, const char *path, int *err);

/*
 * Replace the file at path with len bytes of data, atomically: they go to a
 * new file beside it (same directory, so the same file system), which is
 * renamed over path. Readers see the old content or all of the new, never a
 * part; on failure the new file is removed and path is left as it was. It
 * does not fsync: atomic, not durable across a power loss. Returns 0, DDBGT_ENOMEM or DDBGT_EIO.
 */
int ddbgt__file_write_atomic(const char *path, const void *data, size_t len);

#endif
