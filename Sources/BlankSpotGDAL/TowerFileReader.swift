import CGDAL
import BlankSpotCore
import Foundation

/// Reads a tower list from a file: CSV (generic or OpenCelliD, by header) or any OGR point
/// layer (GeoJSON, GeoPackage, Shapefile, …) with the same attribute names as the CSV columns.
public enum TowerFileReader {
    public static func read(path: String) throws -> [Tower] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(file: path, message: "no such file; expected a tower table (CSV with lon,lat columns, an OpenCelliD export, or a point layer)")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "csv" || ext == "txt" {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, message: "the file cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError(file: path, message: "the file is not UTF-8 text")
            }
            return try TowerTableReader.read(text: text, file: path)
        }
        return try readPointLayer(path: path)
    }

    /// Reads the first layer of a vector dataset; every feature must be a point.
    static func readPointLayer(path: String) throws -> [Tower] {
        let ds: GDALDatasetHandle
        do {
            ds = try GDALDatasetHandle.open(path, vector: true)
        } catch let e as GDALFailure {
            throw InputError(file: path, message: "not a CSV and not a vector dataset GDAL can open (\(e.gdalMessage)); expected a tower table or a point layer")
        }
        guard GDALDatasetGetLayerCount(ds.handle) >= 1, let layer = GDALDatasetGetLayer(ds.handle, 0) else {
            throw InputError(file: path, message: "the dataset has no layer; expected a point layer of towers")
        }
        let definition = OGR_L_GetLayerDefn(layer)
        var fieldIndex: [String: Int32] = [:]
        for i in 0..<OGR_FD_GetFieldCount(definition) {
            let name = String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i)))
            fieldIndex[name.lowercased()] = i
        }
        let wgs84 = SpatialReference.wgs84()
        var transform: CoordinateTransform?
        if let srs = SpatialReference.copying(OGR_L_GetSpatialRef(layer)), !srs.isSame(as: wgs84) {
            transform = try CoordinateTransform(from: srs, to: wgs84)
        }
        var towers: [Tower] = []
        OGR_L_ResetReading(layer)
        var ordinal = 0
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            ordinal += 1
            let fid = OGR_F_GetFID(feature)
            let location = "feature \(fid)"
            guard let geometry = OGR_F_GetGeometryRef(feature),
                  wkbFlatten(OGR_G_GetGeometryType(geometry)) == wkbPoint, OGR_G_IsEmpty(geometry) == 0 else {
                throw InputError(file: path, location: location, field: "geometry", message: "expected a point geometry")
            }
            var xs = [OGR_G_GetX(geometry, 0)], ys = [OGR_G_GetY(geometry, 0)]
            if let transform, transform.transform(xs: &xs, ys: &ys).first != true {
                throw InputError(file: path, location: location, field: "geometry", message: "the point cannot be transformed to WGS 84 longitude/latitude")
            }
            let tower = try TowerAttributes.tower(
                lonDeg: xs[0], latDeg: ys[0],
                value: { names in
                    for n in names {
                        if let i = fieldIndex[n], OGR_F_IsFieldSetAndNotNull(feature, i) != 0 {
                            return String(cString: OGR_F_GetFieldAsString(feature, i))
                        }
                    }
                    return nil
                },
                file: path, location: location, defaultID: "T\(ordinal)")
            towers.append(tower)
        }
        guard !towers.isEmpty else { throw InputError(file: path, message: "the layer has no features; expected tower points") }
        try TowerAttributes.checkUniqueIDs(towers, file: path)
        return towers
    }
}

/// wkbFlatten is a C macro; this is its value: the 2D base type of a geometry type.
func wkbFlatten(_ type: OGRwkbGeometryType) -> OGRwkbGeometryType {
    OGR_GT_Flatten(type)
}
