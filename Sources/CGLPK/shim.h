// GLPK 5.0's C API (Debian libglpk-dev): the LP relaxation bound of `suggest`.
#include <glpk.h>
