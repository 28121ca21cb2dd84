import CGDAL
import BlankSpotCore

/// One single-band raster to write, with everything a GIS user needs to read it.
public struct RasterProduct: Sendable {
    public enum Pixels: Sendable {
        case float32(GridBuffer<Float>)
        case int32(GridBuffer<Int32>)
        case uint16(GridBuffer<UInt16>)
        case int16(GridBuffer<Int16>)
        case byte(GridBuffer<UInt8>)
    }

    /// How overview levels are computed: `AVERAGE` for continuous values, `NEAREST` or `MODE`
    /// for classes and identifiers.
    public enum OverviewResampling: String, Sendable {
        case average = "AVERAGE"
        case nearest = "NEAREST"
        case mode = "MODE"
    }

    public struct ColorEntry: Sendable {
        public var value: Int
        public var rgba: (UInt8, UInt8, UInt8, UInt8)
        public init(value: Int, rgba: (UInt8, UInt8, UInt8, UInt8)) {
            self.value = value
            self.rgba = rgba
        }
    }

    public var pixels: Pixels
    public var description: String
    /// Unit of the values ("dBm", "count", "" for classes).
    public var unit: String
    public var nodata: Double?
    public var overviewResampling: OverviewResampling
    /// Band metadata items (kept inside the GeoTIFF).
    public var bandMetadata: [String: String]
    /// Dataset metadata items (kept inside the GeoTIFF): model, parameters, provenance.
    public var datasetMetadata: [String: String]
    public var colorTable: [ColorEntry]
    /// Name of class 0, 1, … (written as GDAL category names).
    public var categoryNames: [String]

    public init(pixels: Pixels, description: String, unit: String, nodata: Double?,
                overviewResampling: OverviewResampling, bandMetadata: [String: String] = [:],
                datasetMetadata: [String: String] = [:], colorTable: [ColorEntry] = [], categoryNames: [String] = []) {
        self.pixels = pixels
        self.description = description
        self.unit = unit
        self.nodata = nodata
        self.overviewResampling = overviewResampling
        self.bandMetadata = bandMetadata
        self.datasetMetadata = datasetMetadata
        self.colorTable = colorTable
        self.categoryNames = categoryNames
    }
}

/// Writes Cloud-Optimised GeoTIFFs: 512-pixel tiles, DEFLATE with a predictor, internal
/// overviews, CRS, nodata, band description, unit and metadata. The bytes depend only on the
/// pixels and metadata (no timestamps).
public enum GeoTIFFWriter {
    public static func write(_ product: RasterProduct, grid: GridGeometry, to path: String) throws {
        GDALRuntime.start()
        func withPixels<R>(_ body: (UnsafeRawPointer, GDALDataType) throws -> R) rethrows -> R {
            switch product.pixels {
            case .float32(let a): return try a.withUnsafeBufferPointer { try body($0.baseAddress!, GDT_Float32) }
            case .int32(let a): return try a.withUnsafeBufferPointer { try body($0.baseAddress!, GDT_Int32) }
            case .uint16(let a): return try a.withUnsafeBufferPointer { try body($0.baseAddress!, GDT_UInt16) }
            case .int16(let a): return try a.withUnsafeBufferPointer { try body($0.baseAddress!, GDT_Int16) }
            case .byte(let a): return try a.withUnsafeBufferPointer { try body($0.baseAddress!, GDT_Byte) }
            }
        }
        try withPixels { base, type in
            let typeName = String(cString: GDALGetDataTypeName(type))
            let memPath = "MEM:::DATAPOINTER=\(UInt(bitPattern: base)),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=\(typeName)"
            // MEM opens read-only data fine; the pointer is only read by CreateCopy.
            guard let mem = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("stage the raster", path: path) }
            defer { GDALClose(mem) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(mem, &gt)
            GDALSetProjection(mem, grid.crsWKT)
            for (k, v) in product.datasetMetadata.sorted(by: { $0.key < $1.key }) { GDALSetMetadataItem(mem, k, v, nil) }
            let band = GDALGetRasterBand(mem, 1)
            GDALSetDescription(band, product.description)
            GDALSetRasterUnitType(band, product.unit)
            if let nd = product.nodata { GDALSetRasterNoDataValue(band, nd) }
            for (k, v) in product.bandMetadata.sorted(by: { $0.key < $1.key }) { GDALSetMetadataItem(band, k, v, nil) }
            if !product.colorTable.isEmpty {
                let table = GDALCreateColorTable(GPI_RGB)
                defer { GDALDestroyColorTable(table) }
                for entry in product.colorTable {
                    var c = GDALColorEntry(c1: Int16(entry.rgba.0), c2: Int16(entry.rgba.1), c3: Int16(entry.rgba.2), c4: Int16(entry.rgba.3))
                    GDALSetColorEntry(table, Int32(entry.value), &c)
                }
                GDALSetRasterColorTable(band, table)
                GDALSetRasterColorInterpretation(band, GCI_PaletteIndex)
            }
            if !product.categoryNames.isEmpty {
                let names = CStringList(product.categoryNames)
                GDALSetRasterCategoryNames(band, names.pointer)
            }
            guard let driver = GDALGetDriverByName("COG") else { throw GDALRuntime.failure("find GDAL's COG driver") }
            let options = CStringList([
                "COMPRESS=DEFLATE", "LEVEL=3", "PREDICTOR=YES", "BLOCKSIZE=512", "OVERVIEWS=AUTO",
                "RESAMPLING=\(product.overviewResampling.rawValue)", "NUM_THREADS=1",
            ])
            guard let out = GDALCreateCopy(driver, path, mem, 0, options.pointer, nil, nil) else {
                throw GDALRuntime.failure("write the GeoTIFF", path: path)
            }
            GDALClose(out)
        }
    }
}
