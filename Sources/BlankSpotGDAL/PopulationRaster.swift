import CGDAL
import BlankSpotCore
import Foundation

/// A population raster (people per cell, e.g. WorldPop) brought onto the analysis grid.
public enum PopulationRaster {
    /// People per analysis cell: the source is warped with the `sum` resampling (GDAL ≥ 3.1),
    /// so totals are kept when the grids differ in cell size. Nodata → nan.
    public static func load(path: String, onto grid: GridGeometry) throws -> [Float] {
        let source = try DEMSource(path: path)   // any georeferenced single-band raster
        var people = [Float](repeating: .nan, count: grid.cellCount)
        try people.withUnsafeMutableBufferPointer { buffer in
            let memPath = "MEM:::DATAPOINTER=\(UInt(bitPattern: buffer.baseAddress)),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=Float32"
            guard let dst = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("create the population grid") }
            defer { GDALClose(dst) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(dst, &gt)
            GDALSetProjection(dst, grid.crsWKT)
            GDALSetRasterNoDataValue(GDALGetRasterBand(dst, 1), .nan)
            let args = CStringList(["-r", "sum", "-wo", "INIT_DEST=NO_DATA", "-q"])
            guard let options = GDALWarpAppOptionsNew(args.pointer, nil) else { throw GDALRuntime.failure("set up the population warp") }
            defer { GDALWarpAppOptionsFree(options) }
            var handles: [GDALDatasetH?] = [source.dataset.handle]
            var usage: Int32 = 0
            guard GDALWarp(nil, dst, 1, &handles, options, &usage) != nil else {
                throw GDALRuntime.failure("warp the population raster onto the analysis grid", path: path)
            }
        }
        // People per cell cannot be negative; a negative value is a nodata value the file does
        // not declare, or a wrong file.
        var negative = 0
        var lowest: Float = 0
        for v in people where v < 0 {
            negative += 1
            lowest = min(lowest, v)
        }
        if negative > 0 {
            throw InputError(file: path, location: "band 1", field: "population",
                             message: "expected people per cell, 0 or more, got \(negative) cells of the analysis grid below 0 (lowest \(lowest)); declare the file's nodata value (gdal_edit.py -a_nodata) if these are gaps")
        }
        return people
    }
}
