// The GDAL 3.6 C API as one module: raster, vector (OGR), spatial reference (OSR),
// warping/translating/rasterising utilities, CPL error and VSI file handling.
#ifndef BLANKSPOT_CGDAL_SHIM_H
#define BLANKSPOT_CGDAL_SHIM_H

#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <gdalwarper.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#endif
