import CGDAL
import BlankSpotCore

/// Pixel types a ``GridFile`` holds.
public protocol GridFilePixel: BitwiseCopyable {
    static var gdalType: GDALDataType { get }
}
extension Float: GridFilePixel { public static var gdalType: GDALDataType { GDT_Float32 } }
extension Int32: GridFilePixel { public static var gdalType: GDALDataType { GDT_Int32 } }
extension UInt16: GridFilePixel { public static var gdalType: GDALDataType { GDT_UInt16 } }
extension UInt8: GridFilePixel { public static var gdalType: GDALDataType { GDT_Byte } }

/// Working rasters of a tiled run (the prepared terrain, the tasks' partial grids): one band,
/// tiled and DEFLATE-compressed GeoTIFF, lossless, no overviews, read back by window. Not a
/// product for users (those are ``GeoTIFFWriter``'s).
public enum GridFile {
    /// Writes `values` (row-major over `grid`) to `path`.
    public static func write<T: GridFilePixel>(_ values: [T], grid: GridGeometry, nodata: Double? = nil, to path: String, threads: Int = 1) throws {
        precondition(values.count == grid.cellCount, "one value per cell")
        GDALRuntime.start()
        CPLErrorReset()
        guard let driver = GDALGetDriverByName("GTiff") else { throw GDALRuntime.failure("find GDAL's GTiff driver") }
        let options = CStringList(["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", "ZLEVEL=1",
                                   "PREDICTOR=\(T.gdalType == GDT_Float32 ? 3 : 2)", "BIGTIFF=IF_SAFER", "NUM_THREADS=\(max(1, threads))"])
        guard let ds = GDALCreate(driver, path, Int32(grid.width), Int32(grid.height), 1, T.gdalType, options.pointer) else {
            throw GDALRuntime.failure("create", path: path)
        }
        var gt = grid.geoTransform
        GDALSetGeoTransform(ds, &gt)
        GDALSetProjection(ds, grid.crsWKT)
        let band = GDALGetRasterBand(ds, 1)
        if let nodata { GDALSetRasterNoDataValue(band, nodata) }
        let err = values.withUnsafeBytes {
            GDALRasterIO(band, GF_Write, 0, 0, Int32(grid.width), Int32(grid.height), UnsafeMutableRawPointer(mutating: $0.baseAddress),
                         Int32(grid.width), Int32(grid.height), T.gdalType, 0, 0)
        }
        GDALClose(ds)
        guard err == CE_None, CPLGetLastErrorType() != CE_Failure else { throw GDALRuntime.failure("write", path: path) }
    }

    /// The file's grid (its own pixel lattice).
    public static func grid(of path: String) throws -> GridGeometry {
        let ds = try GDALDatasetHandle.open(path, vector: false)
        return try grid(ds, path: path)
    }

    static func grid(_ ds: GDALDatasetHandle, path: String) throws -> GridGeometry {
        var gt = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(ds.handle, &gt) == CE_None, gt[2] == 0, gt[4] == 0, abs(gt[1] + gt[5]) <= 1e-9 * abs(gt[1]) else {
            throw InputError(file: path, message: "expected a north-up raster with square cells")
        }
        let srs = SpatialReference.copying(GDALGetSpatialRef(ds.handle))
        return GridGeometry(originXM: gt[0], originYM: gt[3], cellSizeM: gt[1], width: Int(GDALGetRasterXSize(ds.handle)),
                            height: Int(GDALGetRasterYSize(ds.handle)), crsWKT: srs?.wkt ?? "")
    }

    /// Reads `window` of the file's band 1 as `T` (the whole file when nil).
    public static func read<T: GridFilePixel>(_ path: String, as type: T.Type, window: CellWindow? = nil) throws -> [T] {
        let ds = try GDALDatasetHandle.open(path, vector: false)
        let g = try grid(ds, path: path)
        let w = window ?? CellWindow(whole: g)
        guard w.col0 >= 0, w.row0 >= 0, w.colEnd <= g.width, w.rowEnd <= g.height, GDALGetRasterCount(ds.handle) >= 1 else {
            throw InputError(file: path, message: "expected a raster of at least \(w.colEnd)×\(w.rowEnd) cells, found \(g.width)×\(g.height)")
        }
        let band = GDALGetRasterBand(ds.handle, 1)
        var values = [T](unsafeUninitializedCapacity: w.cellCount) { _, n in n = w.cellCount }
        let err = values.withUnsafeMutableBytes {
            GDALRasterIO(band, GF_Read, Int32(w.col0), Int32(w.row0), Int32(w.width), Int32(w.height), $0.baseAddress,
                         Int32(w.width), Int32(w.height), T.gdalType, 0, 0)
        }
        guard err == CE_None else { throw GDALRuntime.failure("read", path: path) }
        return values
    }
}
