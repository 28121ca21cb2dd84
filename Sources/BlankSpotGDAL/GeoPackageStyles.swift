import CGDAL

/// A layer's default style for QGIS.
public struct LayerStyle: Sendable {
    public var table: String
    public var name: String
    /// The style as QGIS's QML.
    public var qml: String
    public var description: String

    public init(table: String, name: String, qml: String, description: String) {
        self.table = table
        self.name = name
        self.qml = qml
        self.description = description
    }
}

/// Adds a `layer_styles` table to a GeoPackage: the table QGIS reads a layer's default style
/// from when it opens the layer (and writes with Layer Properties → Style → Save to database).
/// Its columns are QGIS's: `id`, `f_table_catalog`, `f_table_schema` (an empty string),
/// `f_table_name`, `f_geometry_column`, `styleName`, `styleQML`, `styleSLD`, `useAsDefault`,
/// `description`, `owner`, `ui`, `update_time`. GDAL registers it in `gpkg_contents` as
/// an attributes table. `update_time` is left empty so that the file's bytes depend only on
/// its content.
public enum GeoPackageStyles {
    public static func add(_ styles: [LayerStyle], to path: String) throws {
        GDALRuntime.start()
        CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        defer { CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nil) }
        guard let ds = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), nil, nil, nil) else {
            throw GDALRuntime.failure("open the GeoPackage to add its styles", path: path)
        }
        defer { GDALClose(ds) }
        var geometryColumn: [String: String] = [:]
        for s in styles {
            guard let layer = GDALDatasetGetLayerByName(ds, s.table) else {
                throw GDALRuntime.failure("find layer \(s.table) to style", path: path)
            }
            geometryColumn[s.table] = String(cString: OGR_L_GetGeometryColumn(layer))
        }
        let options = CStringList(["FID=id"])
        guard let table = GDALDatasetCreateLayer(ds, "layer_styles", nil, wkbNone, options.pointer) else {
            throw GDALRuntime.failure("create the layer_styles table", path: path)
        }
        let columns: [(String, OGRFieldType, Int32)] = [
            ("f_table_catalog", OFTString, 256), ("f_table_schema", OFTString, 256), ("f_table_name", OFTString, 256),
            ("f_geometry_column", OFTString, 256), ("styleName", OFTString, 30), ("styleQML", OFTString, 0), ("styleSLD", OFTString, 0),
            ("useAsDefault", OFTInteger, 0), ("description", OFTString, 0), ("owner", OFTString, 30), ("ui", OFTString, 30),
            ("update_time", OFTDateTime, 0),
        ]
        for (name, type, width) in columns {
            let field = OGR_Fld_Create(name, type)
            defer { OGR_Fld_Destroy(field) }
            if width > 0 { OGR_Fld_SetWidth(field, width) }
            if name == "useAsDefault" { OGR_Fld_SetSubType(field, OFSTBoolean) }
            guard OGR_L_CreateField(table, field, 0) == OGRERR_NONE else {
                throw GDALRuntime.failure("create field \(name) of layer_styles", path: path)
            }
        }
        let definition = OGR_L_GetLayerDefn(table)
        for s in styles {
            let feature = OGR_F_Create(definition)!
            defer { OGR_F_Destroy(feature) }
            let values: [(String, String)] = [
                ("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", s.table), ("f_geometry_column", geometryColumn[s.table] ?? "geom"),
                ("styleName", s.name), ("styleQML", s.qml), ("styleSLD", ""), ("description", s.description), ("owner", ""), ("ui", ""),
            ]
            for (name, value) in values { OGR_F_SetFieldString(feature, OGR_F_GetFieldIndex(feature, name), value) }
            OGR_F_SetFieldInteger(feature, OGR_F_GetFieldIndex(feature, "useAsDefault"), 1)
            OGR_F_SetFieldNull(feature, OGR_F_GetFieldIndex(feature, "update_time"))
            guard OGR_L_CreateFeature(table, feature) == OGRERR_NONE else {
                throw GDALRuntime.failure("write the style of \(s.table) to layer_styles", path: path)
            }
        }
    }
}
