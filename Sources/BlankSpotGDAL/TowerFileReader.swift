import CGDAL
import BlankSpotCore
import Foundation

/// Reads a tower list from a file: CSV (generic or OpenCelliD, by header) or any OGR point
/// layer (GeoJSON, GeoPackage, Shapefile, …) with the same attribute names as the CSV columns.
public enum TowerFileReader {
    /// Reads every tower of the file, keeping bad rows apart (see ``TowerReadResult``).
    /// - Parameter mapping: `--column` choices (CSV only; a point layer's attribute names are
    ///   matched the same way).
    public static func read(path: String, mapping: [TowerField: String] = [:]) throws -> TowerReadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "no such file; expected a tower table (CSV with lon,lat columns, an OpenCelliD export, or a point layer)")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "csv" || ext == "txt" || ext == "tsv" {
            try TableText.checkReadableFile(path)
            guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
                throw InputError(file: path, message: "the file cannot be read")
            }
            return try TowerTableReader.readAll(text: try TableText.decode(data, file: path), file: path, mapping: mapping)
        }
        return try readPointLayer(path: path, mapping: mapping)
    }

    /// Reads the first layer of a vector dataset; every feature must be a point.
    static func readPointLayer(path: String, mapping: [TowerField: String]) throws -> TowerReadResult {
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
        var header: [String] = []
        for i in 0..<OGR_FD_GetFieldCount(definition) {
            header.append(String(cString: OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))))
        }
        let columns = try TowerColumns(header: header, mapping: mapping.filter { $0.key != .lon && $0.key != .lat }, file: path)
        let wgs84 = SpatialReference.wgs84()
        var transform: CoordinateTransform?
        if let srs = SpatialReference.copying(OGR_L_GetSpatialRef(layer)), !srs.isSame(as: wgs84) {
            transform = try CoordinateTransform(from: srs, to: wgs84)
        }
        var towers: [Tower] = []
        var rejected: [TowerReadResult.Rejected] = []
        OGR_L_ResetReading(layer)
        var ordinal = 0
        while let feature = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(feature) }
            ordinal += 1
            let location = "feature \(OGR_F_GetFID(feature))"
            let value: (TowerField) -> String? = { field in
                guard let i = columns.index[field], OGR_F_IsFieldSetAndNotNull(feature, Int32(i)) != 0 else { return nil }
                return String(cString: OGR_F_GetFieldAsString(feature, Int32(i)))
            }
            let id = value(.id)?.trimmingSpaces() ?? ""
            guard let geometry = OGR_F_GetGeometryRef(feature),
                  wkbFlatten(OGR_G_GetGeometryType(geometry)) == wkbPoint, OGR_G_IsEmpty(geometry) == 0 else {
                rejected.append(.init(origin: "\(path) \(location)", id: id, problems: [
                    InputError(file: path, location: location, field: "geometry", message: "expected a point geometry, got \(Self.geometryName(OGR_F_GetGeometryRef(feature)))")]))
                continue
            }
            var xs = [OGR_G_GetX(geometry, 0)], ys = [OGR_G_GetY(geometry, 0)]
            if let transform, transform.transform(xs: &xs, ys: &ys).first != true {
                rejected.append(.init(origin: "\(path) \(location)", id: id, problems: [
                    InputError(file: path, location: location, field: "geometry", message: "the point cannot be transformed to WGS 84 longitude/latitude")]))
                continue
            }
            let lonText = String(xs[0]), latText = String(ys[0])
            switch TowerAttributes.parse(value: { $0 == .lon ? lonText : $0 == .lat ? latText : value($0) }, decimalComma: false,
                                         file: path, location: location, defaultID: "T\(ordinal)") {
            case .tower(let t): towers.append(t)
            case .rejected(let problems): rejected.append(.init(origin: "\(path) \(location)", id: id, problems: problems))
            }
        }
        guard !towers.isEmpty || !rejected.isEmpty else { throw InputError(file: path, message: "the layer has no features; expected tower points") }
        var result = TowerReadResult(towers: towers, rejected: rejected, notes: ["point layer"] + columns.notes)
        result.rejectDuplicateIDs(file: path)
        return result
    }

    static func geometryName(_ geometry: OGRGeometryH?) -> String {
        guard let geometry else { return "no geometry" }
        if OGR_G_IsEmpty(geometry) != 0 { return "an empty geometry" }
        return String(cString: OGRGeometryTypeToName(OGR_G_GetGeometryType(geometry))).lowercased()
    }
}

/// wkbFlatten is a C macro; this is its value: the 2D base type of a geometry type.
func wkbFlatten(_ type: OGRwkbGeometryType) -> OGRwkbGeometryType {
    OGR_GT_Flatten(type)
}
