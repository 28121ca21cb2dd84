// The hints are static inline functions in include/memory_hints.h; this file only gives the
// target a compilation unit.
#include "memory_hints.h"
