import CGDAL
import BlankSpotCore
import Foundation

/// Small vector utilities for building sample data.
public enum VectorTools {
    /// Burns 1 into `mask` where any polygon of the layer at `path` covers a cell centre of
    /// `grid` (whose `crsWKT` may be geographic).
    public static func polygonMask(path: String, grid: GridGeometry, attributeFilter: String? = nil) throws -> GridBuffer<UInt8> {
        GDALRuntime.start()
        let ds = try GDALDatasetHandle.open(path, vector: true)
        guard let layer = GDALDatasetGetLayer(ds.handle, 0) else { throw InputError(file: path, message: "no layer") }
        if let attributeFilter, OGR_L_SetAttributeFilter(layer, attributeFilter) != OGRERR_NONE {
            throw InputError(file: path, message: "the filter \(attributeFilter) does not apply to the layer")
        }
        let mask = GridBuffer<UInt8>(count: grid.cellCount, repeating: 0)
        try mask.withUnsafeMutableBufferPointer { b in
            let memPath = "MEM:::DATAPOINTER=\(UInt(bitPattern: b.baseAddress)),PIXELS=\(grid.width),LINES=\(grid.height),BANDS=1,DATATYPE=Byte"
            guard let dst = GDALOpen(memPath, GA_Update) else { throw GDALRuntime.failure("create the mask") }
            defer { GDALClose(dst) }
            var gt = grid.geoTransform
            GDALSetGeoTransform(dst, &gt)
            GDALSetProjection(dst, grid.crsWKT)
            var bands: [Int32] = [1]
            var layers: [OGRLayerH?] = [layer]
            var burn: [Double] = [1]
            guard GDALRasterizeLayers(dst, 1, &bands, 1, &layers, nil, nil, &burn, nil, nil, nil) == CE_None else {
                throw GDALRuntime.failure("rasterise the polygons", path: path)
            }
        }
        return mask
    }

    /// The WKT of a CRS given as user input (EPSG code, WKT, PROJ string), geographic or not.
    public static func crsWKT(_ userInput: String) throws -> String {
        GDALRuntime.start()
        let h = OSRNewSpatialReference(nil)!
        defer { OSRDestroySpatialReference(h) }
        guard OSRSetFromUserInput(h, userInput) == OGRERR_NONE else { throw UsageError("unknown CRS \(userInput)") }
        var text: UnsafeMutablePointer<CChar>?
        OSRExportToWkt(h, &text)
        defer { VSIFree(text) }
        return String(cString: text!)
    }

    /// Copies the first layer of `source` to a new GeoJSON file `destination`, adding a Real
    /// field `field` whose value for each feature is `values[feature's idField]` (null when
    /// absent). Coordinates are written with 7 decimals (about 1 cm).
    public static func copyAddingField(source: String, destination: String, idField: String, field: String,
                                       values: [String: Double]) throws {
        GDALRuntime.start()
        let src = try GDALDatasetHandle.open(source, vector: true)
        guard let inLayer = GDALDatasetGetLayer(src.handle, 0) else { throw InputError(file: source, message: "no layer") }
        guard let driver = GDALGetDriverByName("GeoJSON"),
              let dst = GDALCreate(driver, destination, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALRuntime.failure("create the GeoJSON", path: destination)
        }
        defer { GDALClose(dst) }
        let options = CStringList(["COORDINATE_PRECISION=7", "RFC7946=NO"])
        guard let outLayer = GDALDatasetCreateLayer(dst, OGR_L_GetName(inLayer), OGR_L_GetSpatialRef(inLayer), wkbUnknown, options.pointer) else {
            throw GDALRuntime.failure("create the layer", path: destination)
        }
        let inDef = OGR_L_GetLayerDefn(inLayer)
        for i in 0..<OGR_FD_GetFieldCount(inDef) { OGR_L_CreateField(outLayer, OGR_FD_GetFieldDefn(inDef, i), 1) }
        let newField = OGR_Fld_Create(field, OFTReal)
        OGR_L_CreateField(outLayer, newField, 1)
        OGR_Fld_Destroy(newField)
        let idIndex = OGR_FD_GetFieldIndex(inDef, idField)
        guard idIndex >= 0 else { throw InputError(file: source, field: idField, message: "no such field") }
        let outDef = OGR_L_GetLayerDefn(outLayer)
        let newIndex = OGR_FD_GetFieldIndex(outDef, field)
        OGR_L_ResetReading(inLayer)
        while let f = OGR_L_GetNextFeature(inLayer) {
            defer { OGR_F_Destroy(f) }
            let out = OGR_F_Create(outDef)!
            defer { OGR_F_Destroy(out) }
            OGR_F_SetFrom(out, f, 1)
            let id = String(cString: OGR_F_GetFieldAsString(f, idIndex))
            if let v = values[id] { OGR_F_SetFieldDouble(out, newIndex, v) } else { OGR_F_SetFieldNull(out, newIndex) }
            guard OGR_L_CreateFeature(outLayer, out) == OGRERR_NONE else { throw GDALRuntime.failure("write feature \(id)", path: destination) }
        }
    }
}
