// PROJ's geodesic API (Karney's algorithms on the WGS 84 ellipsoid): distances, azimuths and
// points along a geodesic, for terrain profiles between two points.
#ifndef BLANKSPOT_CPROJ_SHIM_H
#define BLANKSPOT_CPROJ_SHIM_H
#include <geodesic.h>
#endif
