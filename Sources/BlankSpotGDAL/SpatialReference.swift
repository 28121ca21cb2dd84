import CGDAL
import BlankSpotCore

/// A coordinate reference system (OSR, PROJ underneath) with x = easting/longitude first.
final class SpatialReference {
    let handle: OGRSpatialReferenceH

    private init(handle: OGRSpatialReferenceH) {
        self.handle = handle
        OSRSetAxisMappingStrategy(handle, OAMS_TRADITIONAL_GIS_ORDER)
    }

    deinit { OSRDestroySpatialReference(handle) }

    /// From anything `OSRSetFromUserInput` takes: "EPSG:32750", WKT, a PROJ string.
    convenience init(userInput: String) throws {
        GDALRuntime.start()
        let h = OSRNewSpatialReference(nil)!
        guard OSRSetFromUserInput(h, userInput) == OGRERR_NONE else {
            OSRDestroySpatialReference(h)
            throw UsageError("--crs '\(userInput)' is not a coordinate reference system GDAL/PROJ knows (\(GDALRuntime.lastErrorMessage())); expected e.g. EPSG:32750")
        }
        self.init(handle: h)
    }

    /// WGS 84 geographic, longitude first.
    static func wgs84() -> SpatialReference {
        GDALRuntime.start()
        let h = OSRNewSpatialReference(nil)!
        OSRImportFromEPSG(h, 4326)
        return SpatialReference(handle: h)
    }

    /// A copy of the reference held by a dataset or layer (nil when it has none).
    static func copying(_ h: OGRSpatialReferenceH?) -> SpatialReference? {
        guard let h, let clone = OSRClone(h) else { return nil }
        return SpatialReference(handle: clone)
    }

    var wkt: String {
        var text: UnsafeMutablePointer<CChar>?
        OSRExportToWkt(handle, &text)
        defer { VSIFree(text) }
        return text.map { String(cString: $0) } ?? ""
    }

    var isProjected: Bool { OSRIsProjected(handle) != 0 }
    var isGeographic: Bool { OSRIsGeographic(handle) != 0 }

    /// Metres per linear unit of a projected CRS.
    var linearUnitsM: Double { OSRGetLinearUnits(handle, nil) }

    /// A short name: the CRS name and, when known, its EPSG code.
    var label: String {
        let name = OSRGetName(handle).map { String(cString: $0) } ?? "unnamed CRS"
        if OSRAutoIdentifyEPSG(handle) == OGRERR_NONE,
           let auth = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) {
            return "\(name) (\(String(cString: auth)):\(String(cString: code)))"
        }
        return name
    }

    func isSame(as other: SpatialReference) -> Bool { OSRIsSame(handle, other.handle) != 0 }
}

/// Transforms coordinates between two spatial references.
final class CoordinateTransform {
    let handle: OGRCoordinateTransformationH

    init(from source: SpatialReference, to target: SpatialReference) throws {
        guard let h = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GDALRuntime.failure("create a transformation from \(source.label) to \(target.label)")
        }
        handle = h
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// Transforms points in place; returns per-point success.
    func transform(xs: inout [Double], ys: inout [Double]) -> [Bool] {
        var ok = [Int32](repeating: 0, count: xs.count)
        guard !xs.isEmpty else { return [] }
        var zs = [Double](repeating: 0, count: xs.count)
        _ = OCTTransformEx(handle, Int32(xs.count), &xs, &ys, &zs, &ok)
        return ok.map { $0 != 0 }
    }

    /// The bounding box of a transformed box, densified along its edges.
    func transformBounds(minX: Double, minY: Double, maxX: Double, maxY: Double) -> (minX: Double, minY: Double, maxX: Double, maxY: Double)? {
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0
        guard OCTTransformBounds(handle, minX, minY, maxX, maxY, &a, &b, &c, &d, 21) != 0 else { return nil }
        return (a, b, c, d)
    }
}
