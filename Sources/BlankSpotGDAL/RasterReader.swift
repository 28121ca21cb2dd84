import CGDAL
import BlankSpotCore

/// A single band read back from a raster file, as Float32 with nodata turned into nan.
public struct RasterBandData: Sendable {
    public var grid: GridGeometry
    /// Row-major values; nan where the file has its nodata value.
    public var values: [Float]
    public var nodata: Double?
    public var description: String
    public var unit: String
    public var metadata: [String: String]
}

/// Reads band 1 (or another) of any raster GDAL opens, in its own pixel grid.
public enum RasterReader {
    public static func read(path: String, band bandNumber: Int = 1) throws -> RasterBandData {
        let ds = try GDALDatasetHandle.open(path, vector: false)
        let h = ds.handle
        guard bandNumber >= 1, bandNumber <= Int(GDALGetRasterCount(h)), let band = GDALGetRasterBand(h, Int32(bandNumber)) else {
            throw InputError(file: path, location: "band \(bandNumber)", message: "no such band")
        }
        var gt = [Double](repeating: 0, count: 6)
        guard GDALGetGeoTransform(h, &gt) == CE_None, gt[2] == 0, gt[4] == 0, abs(gt[1] + gt[5]) <= 1e-9 * abs(gt[1]) else {
            throw InputError(file: path, message: "expected a north-up raster with square cells")
        }
        let srs = SpatialReference.copying(GDALGetSpatialRef(h))
        let grid = GridGeometry(originXM: gt[0], originYM: gt[3], cellSizeM: gt[1],
                                width: Int(GDALGetRasterXSize(h)), height: Int(GDALGetRasterYSize(h)), crsWKT: srs?.wkt ?? "")
        var values = [Float](repeating: 0, count: grid.cellCount)
        let err = values.withUnsafeMutableBytes {
            GDALRasterIO(band, GF_Read, 0, 0, Int32(grid.width), Int32(grid.height), $0.baseAddress,
                         Int32(grid.width), Int32(grid.height), GDT_Float32, 0, 0)
        }
        guard err == CE_None else { throw GDALRuntime.failure("read band \(bandNumber)", path: path) }
        var has: Int32 = 0
        let nd = GDALGetRasterNoDataValue(band, &has)
        if has != 0 {
            let f = Float(nd)
            for i in values.indices where values[i] == f { values[i] = .nan }
        }
        var metadata: [String: String] = [:]
        if let list = GDALGetMetadata(h, nil) {
            var i = 0
            while let item = list[i] {
                let text = String(cString: item)
                if let eq = text.firstIndex(of: "=") {
                    metadata[String(text[..<eq])] = String(text[text.index(after: eq)...])
                }
                i += 1
            }
        }
        return RasterBandData(grid: grid, values: values, nodata: has != 0 ? nd : nil,
                              description: String(cString: GDALGetDescription(band)),
                              unit: String(cString: GDALGetRasterUnitType(band)), metadata: metadata)
    }
}
