import CGDAL
import BlankSpotCore
import Foundation

/// A table of attributes to write beside geometries.
public struct AttributeTable: Sendable {
    public enum Kind: Sendable { case text, integer, real }
    public enum Value: Sendable {
        case text(String)
        case integer(Int)
        case real(Double)
        case null
    }

    public var columns: [(name: String, kind: Kind)]
    public var rows: [[Value]]

    public init(columns: [(name: String, kind: Kind)], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Writes village polygons with attribute tables as layers of one GeoPackage, in the villages'
/// own CRS. The file's bytes depend only on the content: GeoPackage timestamps are pinned.
public enum GeoPackageWriter {
    /// - Parameter layers: per layer, its name, the villages (indices into `villages.records`) in
    ///   row order, and their attributes.
    public static func write(path: String, villages: VillageLayer,
                             layers: [(name: String, villageIndices: [Int], table: AttributeTable)]) throws {
        GDALRuntime.start()
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
        guard let driver = GDALGetDriverByName("GPKG") else { throw GDALRuntime.failure("find GDAL's GPKG driver") }
        guard let ds = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALRuntime.failure("create the GeoPackage", path: path)
        }
        defer { GDALClose(ds) }
        for (name, indices, table) in layers {
            let options = CStringList(["SPATIAL_INDEX=YES"])
            guard let layer = GDALDatasetCreateLayer(ds, name, villages.crs.handle, wkbMultiPolygon, options.pointer) else {
                throw GDALRuntime.failure("create layer \(name)", path: path)
            }
            try createFields(table, in: layer, name: name, path: path)
            _ = OGR_L_StartTransaction(layer)
            let definition = OGR_L_GetLayerDefn(layer)
            for (row, village) in zip(table.rows, indices) {
                let feature = OGR_F_Create(definition)!
                defer { OGR_F_Destroy(feature) }
                setFields(row, of: feature)
                let g = OGR_G_ForceToMultiPolygon(villages.geometry(village))
                OGR_F_SetGeometryDirectly(feature, g)
                guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                    throw GDALRuntime.failure("write village \(villages.records[village].id) to layer \(name)", path: path)
                }
            }
            _ = OGR_L_CommitTransaction(layer)
        }
    }
}

extension GeoPackageWriter {
    /// Writes one layer of points (WGS 84 longitude, latitude) with attributes to a new
    /// GeoPackage; timestamps pinned as in ``write(path:villages:layers:)``.
    public static func writePoints(path: String, layer name: String, points: [(lonDeg: Double, latDeg: Double)], table: AttributeTable) throws {
        GDALRuntime.start()
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
        guard let driver = GDALGetDriverByName("GPKG") else { throw GDALRuntime.failure("find GDAL's GPKG driver") }
        guard let ds = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GDALRuntime.failure("create the GeoPackage", path: path)
        }
        defer { GDALClose(ds) }
        let srs = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(srs) }
        OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        let options = CStringList(["SPATIAL_INDEX=YES"])
        guard let layer = GDALDatasetCreateLayer(ds, name, srs, wkbPoint, options.pointer) else {
            throw GDALRuntime.failure("create layer \(name)", path: path)
        }
        try createFields(table, in: layer, name: name, path: path)
        _ = OGR_L_StartTransaction(layer)
        let definition = OGR_L_GetLayerDefn(layer)
        for (row, point) in zip(table.rows, points) {
            let feature = OGR_F_Create(definition)!
            defer { OGR_F_Destroy(feature) }
            setFields(row, of: feature)
            let g = OGR_G_CreateGeometry(wkbPoint)!
            OGR_G_SetPoint_2D(g, 0, point.lonDeg, point.latDeg)
            OGR_F_SetGeometryDirectly(feature, g)
            guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
                throw GDALRuntime.failure("write point \(name) feature", path: path)
            }
        }
        _ = OGR_L_CommitTransaction(layer)
    }
}

extension GeoPackageWriter {
    /// The table's columns as fields of `layer`.
    static func createFields(_ table: AttributeTable, in layer: OGRLayerH, name: String, path: String) throws {
        for (columnName, kind) in table.columns {
            let type: OGRFieldType = kind == .text ? OFTString : (kind == .integer ? OFTInteger64 : OFTReal)
            let field = OGR_Fld_Create(columnName, type)
            defer { OGR_Fld_Destroy(field) }
            guard OGR_L_CreateField(layer, field, 1) == OGRERR_NONE else {
                throw GDALRuntime.failure("create field \(columnName) in layer \(name)", path: path)
            }
        }
    }

    /// One row's values on `feature`, in column order.
    static func setFields(_ row: [AttributeTable.Value], of feature: OGRFeatureH) {
        for (i, value) in row.enumerated() {
            switch value {
            case .text(let s): OGR_F_SetFieldString(feature, Int32(i), s)
            case .integer(let v): OGR_F_SetFieldInteger64(feature, Int32(i), Int64(v))
            case .real(let v): OGR_F_SetFieldDouble(feature, Int32(i), v)
            case .null: OGR_F_SetFieldNull(feature, Int32(i))
            }
        }
    }
}
