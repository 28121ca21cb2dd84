import CGDAL

/// One folder of a KMZ: placemarks with attributes and an OGR style string each.
public struct KMZLayer {
    public enum Geometry {
        /// Village polygons of a layer, by index into its records.
        case villages(VillageLayer, [Int])
        /// WGS 84 longitude, latitude.
        case points([(lonDeg: Double, latDeg: Double)])
    }

    public var name: String
    public var geometry: Geometry
    /// Attributes per placemark; columns `name` and `description` become the placemark's.
    public var table: AttributeTable
    /// Per placemark, an OGR feature style string, e.g. `BRUSH(fc:#d7191cb0);PEN(c:#404040,w:1px)`.
    public var styles: [String]

    public init(name: String, geometry: Geometry, table: AttributeTable, styles: [String]) {
        self.name = name
        self.geometry = geometry
        self.table = table
        self.styles = styles
    }
}

/// Writes a KMZ (zipped KML, for Google Earth) with GDAL's LIBKML driver, one folder per layer,
/// in WGS 84. LIBKML dates the zip entries 1980-01-01, so the bytes depend only on the content.
public enum KMZWriter {
    public static func write(path: String, layers: [KMZLayer]) throws {
        GDALRuntime.start()
        guard let driver = GDALGetDriverByName("LIBKML") else { throw GDALRuntime.failure("find GDAL's LIBKML driver") }
        guard let ds = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALRuntime.failure("create the KMZ", path: path)
        }
        defer { GDALClose(ds) }
        let wgs84 = SpatialReference.wgs84()
        for l in layers {
            guard let layer = GDALDatasetCreateLayer(ds, l.name, wgs84.handle, wkbUnknown, nil) else {
                throw GDALRuntime.failure("create folder \(l.name)", path: path)
            }
            for (name, kind) in l.table.columns {
                // KML's schema has 32-bit integers: counts and ranks fit.
                let field = OGR_Fld_Create(name, kind == .text ? OFTString : (kind == .integer ? OFTInteger : OFTReal))
                defer { OGR_Fld_Destroy(field) }
                guard OGR_L_CreateField(layer, field, 1) == OGRERR_NONE else {
                    throw GDALRuntime.failure("create field \(name) in folder \(l.name)", path: path)
                }
            }
            let definition = OGR_L_GetLayerDefn(layer)
            var transform: OGRCoordinateTransformationH?
            if case .villages(let villages, _) = l.geometry, OSRIsSame(villages.crs.handle, wgs84.handle) == 0 {
                transform = OCTNewCoordinateTransformation(villages.crs.handle, wgs84.handle)
            }
            defer { if let transform { OCTDestroyCoordinateTransformation(transform) } }
            for (k, row) in l.table.rows.enumerated() {
                let feature = OGR_F_Create(definition)!
                defer { OGR_F_Destroy(feature) }
                // OGR stores a 64-bit integer into a 32-bit field when it fits (ranks and counts do).
                GeoPackageWriter.setFields(row, of: feature)
                let g: OGRGeometryH
                switch l.geometry {
                case .villages(let villages, let indices):
                    g = villages.geometry(indices[k])
                    if let transform { OGR_G_Transform(g, transform) }
                case .points(let points):
                    g = OGR_G_CreateGeometry(wkbPoint)!
                    OGR_G_SetPoint_2D(g, 0, points[k].lonDeg, points[k].latDeg)
                }
                OGR_F_SetGeometryDirectly(feature, g)
                if k < l.styles.count { OGR_F_SetStyleString(feature, l.styles[k]) }
                guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                    throw GDALRuntime.failure("write placemark \(k + 1) of folder \(l.name)", path: path)
                }
            }
        }
    }
}
