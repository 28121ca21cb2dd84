#ifndef BLANKSPOT_MEMORY_HINTS_H
#define BLANKSPOT_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line holding `address` (for reading, kept in
/// all cache levels). A hint only: it never faults and changes no result.
static inline void blankspot_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

/// The same, for a line about to be written.
static inline void blankspot_prefetch_for_write(const void *address) { __builtin_prefetch(address, 1, 3); }

#endif
