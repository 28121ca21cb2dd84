import CGDAL
import BlankSpotCore
import Foundation

/// One opened DEM file and what blankspot needs to know about it.
final class DEMSource {
    /// The path as the user gave it (used in every message).
    let userPath: String
    let dataset: GDALDatasetHandle
    let reference: SpatialReference
    let geoTransform: [Double]
    let width: Int
    let height: Int
    let driver: String

    /// Opens a DEM. `.gz` files go through GDAL's /vsigzip/, `.zip` archives through /vsizip/
    /// (the first raster inside), everything else as is.
    init(path: String) throws {
        userPath = path
        guard FileManager.default.fileExists(atPath: path) || path.hasPrefix("/vsi") else {
            throw InputError(file: path, message: "no such file; expected a DEM raster (GeoTIFF, SRTM .hgt/.hgt.zip/.hgt.gz, VRT, …)")
        }
        dataset = try DEMSource.openRaster(path)
        let h = dataset.handle
        guard GDALGetRasterCount(h) >= 1 else {
            throw InputError(file: path, message: "the dataset has no raster band; expected a DEM with heights in band 1")
        }
        guard let srs = SpatialReference.copying(GDALGetSpatialRef(h)) else {
            throw InputError(file: path, message: "the DEM has no coordinate reference system; expected a georeferenced raster (assign one with gdal_edit.py -a_srs EPSG:4326)")
        }
        reference = srs
        var gt = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(h, &gt) == CE_None else {
            throw InputError(file: path, message: "the DEM has no geotransform; expected a georeferenced raster")
        }
        guard gt[2] == 0, gt[4] == 0, gt[1] != 0, gt[5] != 0 else {
            throw InputError(file: path, message: "the DEM's geotransform is rotated or degenerate (\(gt)); expected a north-up raster")
        }
        geoTransform = gt
        width = Int(GDALGetRasterXSize(h))
        height = Int(GDALGetRasterYSize(h))
        driver = GDALGetDriverShortName(GDALGetDatasetDriver(h)).map { String(cString: $0) } ?? "?"
    }

    private static func openRaster(_ path: String) throws -> GDALDatasetHandle {
        do {
            return try GDALDatasetHandle.open(path, vector: false, displayPath: path)
        } catch let first {
            let lower = path.lowercased()
            if lower.hasSuffix(".gz"), let ds = try? GDALDatasetHandle.open("/vsigzip/" + path, vector: false, displayPath: path) {
                return ds
            }
            if lower.hasSuffix(".zip") {
                for member in zipMembers(path) {
                    if let ds = try? GDALDatasetHandle.open("/vsizip/\(path)/\(member)", vector: false, displayPath: path) {
                        return ds
                    }
                }
            }
            if let failure = first as? GDALFailure {
                throw InputError(file: path, message: "not a raster GDAL can read (\(failure.gdalMessage.isEmpty ? "no driver recognises it" : failure.gdalMessage)); expected a raster such as a GeoTIFF, an SRTM .hgt (or .hgt.zip) or a VRT")
            }
            throw first
        }
    }

    private static func zipMembers(_ path: String) -> [String] {
        guard let list = VSIReadDirRecursive("/vsizip/" + path) else { return [] }
        defer { CSLDestroy(list) }
        var names: [String] = []
        var i = 0
        while let p = list[i] {
            names.append(String(cString: p))
            i += 1
        }
        return names.sorted()
    }

    /// Footprint in the DEM's own CRS.
    var nativeExtent: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let x0 = geoTransform[0], x1 = x0 + Double(width) * geoTransform[1]
        let y0 = geoTransform[3], y1 = y0 + Double(height) * geoTransform[5]
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
    }

    var nodata: Double? {
        var has: Int32 = 0
        let v = GDALGetRasterNoDataValue(GDALGetRasterBand(dataset.handle, 1), &has)
        return has != 0 ? v : nil
    }

    /// Native cell size in metres (geometric mean of the two spacings).
    func nativeCellSizeM() -> Double {
        let e = nativeExtent
        var latDeg = 0.0
        if reference.isGeographic {
            latDeg = (e.minY + e.maxY) / 2
        }
        let unit = reference.isGeographic ? 1 : reference.linearUnitsM
        return AnalysisGridPlanner.nativeCellSizeM(xSpacing: geoTransform[1] * unit, ySpacing: geoTransform[5] * unit,
                                                   geographic: reference.isGeographic, latDeg: latDeg)
    }
}
