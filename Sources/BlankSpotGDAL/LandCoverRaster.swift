import CGDAL
import BlankSpotCore
import Foundation

/// Land-cover rasters (ESA WorldCover, national maps, …) put onto the analysis grid once, with a
/// class-preserving resampling: each analysis cell takes the most frequent class among the source
/// pixels it covers (GDAL's `mode`), never an average of codes. A cell without land cover data is
/// ``LandCoverRaster/noData``; the models then use the table's fallback class.
public enum LandCoverRaster {
    public static let noData: Int32 = -1

    /// The class code of every cell of `grid` (row-major), ``noData`` where no file has a value.
    /// Several files are mosaicked; the raster's own nodata value is honoured.
    public static func load(paths: [String], onto grid: GridGeometry, threads: Int = 1) throws -> [Int32] {
        guard !paths.isEmpty else { throw UsageError("--landcover: give at least one land-cover raster") }
        let sources = try paths.map { path -> DEMSource in
            do { return try DEMSource(path: path) } catch let e as InputError {
                throw InputError(file: e.file, location: e.location, field: e.field,
                                 message: e.message.replacingOccurrences(of: "a DEM", with: "a land-cover raster").replacingOccurrences(of: "the DEM", with: "the land-cover raster"))
            }
        }
        for s in sources {
            let type = GDALGetRasterDataType(GDALGetRasterBand(s.dataset.handle, 1))
            guard type != GDT_Float32 && type != GDT_Float64 else {
                throw InputError(file: s.userPath, location: "band 1", message: "holds floating-point values; expected class codes (whole numbers), as in ESA WorldCover")
            }
        }
        var classes = [Int32](repeating: noData, count: grid.cellCount)
        try classes.withUnsafeMutableBufferPointer { buffer in
            let address = UInt(bitPattern: buffer.baseAddress)
            let memPath = "MEM:::DATAPOINTER=\(address),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=Int32"
            guard let dst = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("create the land-cover grid") }
            defer { GDALClose(dst) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(dst, &gt)
            GDALSetProjection(dst, grid.crsWKT)
            GDALSetRasterNoDataValue(GDALGetRasterBand(dst, 1), Double(noData))
            let args = CStringList(["-r", "mode", "-wo", "INIT_DEST=NO_DATA", "-wo", "NUM_THREADS=\(max(1, threads))", "-q"])
            guard let options = GDALWarpAppOptionsNew(args.pointer, nil) else { throw GDALRuntime.failure("set up the land-cover warp") }
            defer { GDALWarpAppOptionsFree(options) }
            var handles: [GDALDatasetH?] = sources.map { $0.dataset.handle }
            var usage: Int32 = 0
            let ok = handles.withUnsafeMutableBufferPointer { GDALWarp(nil, dst, Int32(sources.count), $0.baseAddress, options, &usage) }
            guard ok != nil else { throw GDALRuntime.failure("warp the land cover onto the analysis grid", path: paths.joined(separator: ", ")) }
        }
        return classes
    }

    /// The class code of the pixel containing each WGS 84 point (the first file that has one),
    /// ``noData`` where none does: the land cover along a `profile` path.
    public static func sample(paths: [String], lonDeg: [Double], latDeg: [Double]) throws -> [Int32] {
        var codes = [Int32](repeating: noData, count: lonDeg.count)
        for path in paths {
            let source: DEMSource
            do { source = try DEMSource(path: path) } catch let e as InputError {
                throw InputError(file: e.file, location: e.location, field: e.field,
                                 message: e.message.replacingOccurrences(of: "a DEM", with: "a land-cover raster").replacingOccurrences(of: "the DEM", with: "the land-cover raster"))
            }
            let t = try CoordinateTransform(from: SpatialReference.wgs84(), to: source.reference)
            var xs = lonDeg, ys = latDeg
            let ok = t.transform(xs: &xs, ys: &ys)
            let gt = source.geoTransform
            let band = GDALGetRasterBand(source.dataset.handle, 1)
            for i in codes.indices where codes[i] == noData && ok[i] {
                let col = Int(((xs[i] - gt[0]) / gt[1]).rounded(.down)), row = Int(((ys[i] - gt[3]) / gt[5]).rounded(.down))
                guard col >= 0, row >= 0, col < source.width, row < source.height else { continue }
                var v: Int32 = 0
                guard GDALRasterIO(band, GF_Read, Int32(col), Int32(row), 1, 1, &v, 1, 1, GDT_Int32, 0, 0) == CE_None else {
                    throw GDALRuntime.failure("read the land cover along the profile", path: path)
                }
                if let nd = source.nodata, Double(v) == nd { continue }
                codes[i] = v
            }
        }
        return codes
    }
}
