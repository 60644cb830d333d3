/*
 * Files in and out: one reader and one atomic writer (lib/fileio.h).
 */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "ddbgt/common.h"

int ddbgt__file_read(char **out, size_t *len, const char *path, int *err)
{
	*out = NULL;
	*len = 0;
	*err = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		*err = errno;
		return DDBGT_EIO;
	}
	char *buf = NULL;
	size_t size = 0, cap = 0;
	int rc = DDBGT_OK;
	for (;;) {
		/* One byte more than read so far: room for the NUL. */
		if ((rc = ddbgt__grow((void **)&buf, &cap, size + 65536 + 1, 1)))
			break;
		size_t n = fread(buf + size, 1, cap - size - 1, f);
		size += n;
		if (n == 0) {
			if (ferror(f)) {
				*err = errno;
				rc = DDBGT_EIO;
			}
			break;
		}
	}
	fclose(f);
	if (rc) {
		ddbgt__free(buf);
		return rc;
	}
	buf[size] = '\0';
	*out = buf;
	*len = size;
	return DDBGT_OK;
}

/* Write all of data to fd, through short writes and interruptions. */
static int write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int ddbgt__file_write_atomic(const char *path, const void *data, size_t len)
{
	size_t size = strlen(path) + 48;
	char *tmp = ddbgt__malloc(size);
	if (!tmp)
		return DDBGT_ENOMEM;
	/*
	 * open() with 0666 rather than mkstemp() so that the umask, not 0600,
	 * sets the file's mode; O_EXCL and the process id keep two writers
	 * apart.
	 */
	int fd = -1;
	for (unsigned attempt = 0; fd < 0 && attempt < 100; attempt++) {
		snprintf(tmp, size, "%s.%ld.%u.tmp", path, (long)getpid(), attempt);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		ddbgt__free(tmp);
		return DDBGT_EIO;
	}
	/*
	 * No fsync: the rename keeps readers and a crashed process from ever
	 * seeing part of a document, which is what a generator owes; a
	 * durability barrier against power loss would cost 3-7 ms a file here
	 * (two fsyncs on ext4), more than the whole `ddbgt plan` run.
	 */
	int bad = write_all(fd, data, len) != 0;
	bad |= close(fd) != 0;
	bad = bad || rename(tmp, path) != 0;
	if (bad)
		unlink(tmp);
	ddbgt__free(tmp);
	return bad ? DDBGT_EIO : DDBGT_OK;
}
