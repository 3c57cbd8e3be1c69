/**
 * How much a file read gives at a time. Below glibc's first mmap threshold
 * (128 KiB): a larger buffer is mapped on its own, and freeing it raises the
 * threshold, after which every buffer of that size comes from malloc's
 * arenas, which fragment and keep freed memory. With 256 KiB reads, about one
 * import in four at the client's ceiling peaked 30-60 MB above the others
 * (205-228 MB; /proc/<pid>/smaps put the difference in the arenas); with
 * 64 KiB reads none of eight did (159-183 MB). zlib's and the sockets' chunks
 * are 64 KiB too.
 */
export const READ_CHUNK_BYTES = 64 * 1024;
