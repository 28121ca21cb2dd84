import CGDAL
import BlankSpotCore

/// One feature of a layer drawn on a report map: its attributes as text and its polygons in
/// the map's CRS, each polygon a list of rings (outer first) of (x, y) points.
public struct MapFeature: Sendable {
    public var fields: [String: String]
    public var polygons: [[[(x: Double, y: Double)]]]
}

/// Reads polygon layers for report maps: reprojected to the run's CRS and simplified to the
/// map's resolution (OGR_G_SimplifyPreserveTopology), so that a province's villages stay a
/// few megabytes of SVG.
public enum MapShapes {
    /// Every feature of `layer` in `path`, in the layer's order.
    /// - Parameter toleranceM: the simplification tolerance in the map CRS, m (0: none).
    public static func read(path: String, layer layerName: String, crs: AnalysisCRS, toleranceM: Double) throws -> [MapFeature] {
        let source = try OpenLayer(path: path, layer: layerName, crs: crs)
        defer { withExtendedLifetime(source) {} }
        let layer = source.layer, transform = source.transform
        let definition = OGR_L_GetLayerDefn(layer)
        let fieldCount = OGR_FD_GetFieldCount(definition)
        let names = (0..<fieldCount).map { String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, $0))) }
        var out: [MapFeature] = []
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            var fields: [String: String] = [:]
            for (i, name) in names.enumerated() where OGR_F_IsFieldSetAndNotNull(feature, Int32(i)) != 0 {
                fields[name] = String(cString: OGR_F_GetFieldAsString(feature, Int32(i)))
            }
            var polygons: [[[(x: Double, y: Double)]]] = []
            if let g = OGR_F_GetGeometryRef(feature), let copy = OGR_G_Clone(g) {
                defer { OGR_G_DestroyGeometry(copy) }
                if let transform { OGR_G_Transform(copy, transform) }
                let simplified = toleranceM > 0 ? OGR_G_SimplifyPreserveTopology(copy, toleranceM) : OGR_G_Clone(copy)
                if let simplified {
                    defer { OGR_G_DestroyGeometry(simplified) }
                    polygons = Self.polygons(of: simplified)
                }
            }
            out.append(MapFeature(fields: fields, polygons: polygons))
        }
        return out
    }

    /// The union of the features of each group (e.g. the villages of each kabupaten), as
    /// polygons in the map CRS, simplified like ``read(path:layer:crs:toleranceM:)``.
    public static func dissolve(path: String, layer layerName: String, crs: AnalysisCRS, groupField: String, groups: [String],
                                toleranceM: Double) throws -> [String: [[[(x: Double, y: Double)]]]] {
        let source = try OpenLayer(path: path, layer: layerName, crs: crs)
        defer { withExtendedLifetime(source) {} }
        let layer = source.layer, transform = source.transform
        var collections: [String: OGRGeometryH] = [:]
        defer { for g in collections.values { OGR_G_DestroyGeometry(g) } }
        let fieldIndex = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), groupField)
        guard fieldIndex >= 0 else { return [:] }
        OGR_L_ResetReading(layer)
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            let group = String(cString: OGR_F_GetFieldAsString(feature, fieldIndex))
            guard groups.contains(group), let g = OGR_F_GetGeometryRef(feature), let copy = OGR_G_Clone(g) else { continue }
            if let transform { OGR_G_Transform(copy, transform) }
            let collection = collections[group] ?? OGR_G_CreateGeometry(wkbMultiPolygon)!
            collections[group] = collection
            let multi = OGR_G_ForceToMultiPolygon(copy)!
            for k in 0..<OGR_G_GetGeometryCount(multi) {
                _ = OGR_G_AddGeometry(collection, OGR_G_GetGeometryRef(multi, k))
            }
            OGR_G_DestroyGeometry(multi)
        }
        var out: [String: [[[(x: Double, y: Double)]]]] = [:]
        for (group, collection) in collections {
            guard let union = OGR_G_UnionCascaded(collection) else { continue }
            defer { OGR_G_DestroyGeometry(union) }
            let simplified = toleranceM > 0 ? OGR_G_SimplifyPreserveTopology(union, toleranceM) : OGR_G_Clone(union)
            if let simplified {
                defer { OGR_G_DestroyGeometry(simplified) }
                out[group] = polygons(of: simplified)
            }
        }
        return out
    }

    static func polygons(of g: OGRGeometryH) -> [[[(x: Double, y: Double)]]] {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        if type == wkbPolygon {
            return [(0..<OGR_G_GetGeometryCount(g)).map { ring(OGR_G_GetGeometryRef(g, $0)!) }]
        }
        if type == wkbMultiPolygon || type == wkbGeometryCollection {
            return (0..<OGR_G_GetGeometryCount(g)).flatMap { polygons(of: OGR_G_GetGeometryRef(g, $0)!) }
        }
        return []
    }

    static func ring(_ r: OGRGeometryH) -> [(x: Double, y: Double)] {
        (0..<OGR_G_GetPointCount(r)).map { (x: OGR_G_GetX(r, $0), y: OGR_G_GetY(r, $0)) }
    }
}

/// A vector layer opened read-only, with the transformation from its CRS to the map's; both
/// are released with the value.
private final class OpenLayer {
    let dataset: GDALDatasetH
    let layer: OGRLayerH
    let transform: OGRCoordinateTransformationH?

    init(path: String, layer name: String, crs: AnalysisCRS) throws {
        GDALRuntime.start()
        guard let ds = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, nil, nil) else {
            throw GDALRuntime.failure("open the village layer for the report's maps", path: path)
        }
        guard let layer = GDALDatasetGetLayerByName(ds, name) else {
            GDALClose(ds)
            throw GDALFailure(path: path, operation: "find layer \(name)", gdalMessage: "no such layer")
        }
        dataset = ds
        self.layer = layer
        if let source = OGR_L_GetSpatialRef(layer), let copy = SpatialReference.copying(source) {
            transform = OCTNewCoordinateTransformation(copy.handle, crs.reference.handle)
        } else {
            transform = nil
        }
    }

    deinit {
        if let transform { OCTDestroyCoordinateTransformation(transform) }
        GDALClose(dataset)
    }
}

